using Baken.Domain.Security;

namespace Baken.Application.Common;

/// <summary>Who is asking. Every query the database layer runs is bound to this clearance and these compartments.</summary>
public interface ICurrentUser
{
    string UserName { get; }
    ClassificationLevel Clearance { get; }
    long CompartmentMask { get; }
    bool IsInRole(string role);
    /// <summary>The organisation the user works for (<c>User.OrganisationCode</c>): what "own organisation" means in the permission model.</summary>
    string? OrganisationCode => null;
    /// <summary>True when the request was authenticated by an API token, not a signed-in session or the command line.</summary>
    bool ViaApiToken => false;
}

/// <summary>A fixed identity: the CLI's --user, a test's user, or the system itself loading the catalogue.</summary>
public sealed record FixedUser(string UserName, ClassificationLevel Clearance, long CompartmentMask, IReadOnlyCollection<string> Roles,
    string? OrganisationCode = null, bool ViaApiToken = false) : ICurrentUser
{
    /// <summary>
    /// The system account used for start-up work such as loading the default catalogue. It holds every role that writes
    /// (never Public), so the work it does on the operator's behalf passes the permission model (docs/security.md).
    /// </summary>
    public static readonly FixedUser System = new("system", ClassificationLevel.StaatsgeheimZeerGeheim, -1L,
        Baken.Domain.Users.Roles.All.Where(r => r != Baken.Domain.Users.Roles.Public).ToArray());

    /// <summary>Nobody signed in: sees only what is Ongerubriceerd and in no compartment.</summary>
    public static readonly FixedUser Anonymous = new("anonymous", ClassificationLevel.Ongerubriceerd, 0, []);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
