using Baken.Domain.Security;

namespace Baken.Domain.Users;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string Analyst = "Analyst";
    public const string PolicyOwner = "PolicyOwner";
    public const string Secretariat = "Secretariat";
    public const string CouncilMember = "CouncilMember";
    public const string Public = "Public";

    public static readonly string[] All = [Administrator, Coordinator, Analyst, PolicyOwner, Secretariat, CouncilMember, Public];
}

/// <summary>An account: its clearance and compartments bound every query it makes.</summary>
public sealed class User
{
    public User(string userName, ClassificationLevel clearance, long compartmentMask)
    {
        UserName = RecordCode.Validate(userName, "userName");
        Clearance = clearance;
        CompartmentMask = compartmentMask;
    }

    public Guid Id { get; set; }
    public string UserName { get; private set; }
    public string DisplayName { get; set; } = "";
    public string? OrganisationCode { get; set; }
    public ClassificationLevel Clearance { get; set; }
    public long CompartmentMask { get; set; }
    /// <summary>Role names (see <see cref="Users.Roles"/>).</summary>
    public List<string> Roles { get; set; } = [];
    public string? PasswordHash { get; set; }
    public bool MustChangePassword { get; set; }
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A service account has no password: nobody signs in as it; it exists to carry API tokens for a machine client, and an
    /// administrator within reach mints those tokens (docs/security.md).
    /// </summary>
    public bool IsServiceAccount => PasswordHash is null;
}

/// <summary>What a personal API token may do: read (GET) and write (every other method). A token acts within its user's clearance.</summary>
public static class TokenScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static readonly string[] All = [Read, Write];
}

/// <summary>A personal API token for machine clients. Only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    /// <summary>What the token may do: <see cref="TokenScopes"/>.</summary>
    public List<string> Scopes { get; set; } = [TokenScopes.Read];
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
