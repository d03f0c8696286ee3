using Baken.Domain.Security;

namespace Baken.Application.Common;

/// <summary>Who is asking. Every query the database layer runs is bound to this clearance and these compartments.</summary>
public interface ICurrentUser
{
    string UserName { get; }
    ClassificationLevel Clearance { get; }
    long CompartmentMask { get; }
    bool IsInRole(string role);
}

/// <summary>A fixed identity: the CLI's --user, a test's user, or the system itself loading the catalogue.</summary>
public sealed record FixedUser(string UserName, ClassificationLevel Clearance, long CompartmentMask, IReadOnlyCollection<string> Roles) : ICurrentUser
{
    /// <summary>The system account used for start-up work such as loading the default catalogue.</summary>
    public static readonly FixedUser System = new("system", ClassificationLevel.StaatsgeheimZeerGeheim, -1L, [Baken.Domain.Users.Roles.Administrator]);

    /// <summary>Nobody signed in: sees only what is Ongerubriceerd and in no compartment.</summary>
    public static readonly FixedUser Anonymous = new("anonymous", ClassificationLevel.Ongerubriceerd, 0, []);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
