using System.Text.Json;
using Baken.Application.Common;
using Baken.Domain.History;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <param name="Compartments">Compartment codes separated by ';' (the complete new set).</param>
/// <param name="Roles">Role names separated by ';' (the complete new set).</param>
/// <param name="Organisation">The organisation code (null keeps it, empty clears it): what "own organisation" means for the account.</param>
public sealed record ChangeAccessRequest(string UserName, string Clearance, string? Compartments, string Roles, string? Organisation = null);

/// <summary>One account as the administration page shows it.</summary>
public sealed record AccountView(string UserName, string DisplayName, ClassificationLevel Clearance, IReadOnlyList<string> Compartments,
    IReadOnlyList<string> Roles, bool MustChangePassword, DateTime? LockedUntilUtc, int ActiveTokens);

/// <summary>
/// Administrators change an account's clearance, compartments and roles, give it a new one-time password, or lift a
/// lockout. The same limits apply as when adding one (nothing above the administrator's own clearance or outside their
/// compartments), an administrator cannot take away their own administrator role, and every change is written to the
/// history as kind 'user' with the values before and after. Signed-in sessions and API tokens pick the new access up at
/// their next request on every node (the change gives the access stamp a new value; docs/operations.md).
/// </summary>
public sealed class ManageUsers(IBakenDb db, ICurrentUser caller, TimeProvider clock)
{
    public const string HistoryKind = "user";

    public async Task<Result<AccountView>> GetAsync(string userName, CancellationToken ct = default)
    {
        if (!Permissions.Permission.MayAtAll(caller, Permissions.PermissionMatrix.Accounts, Permissions.PermissionAction.Edit)) return Result<AccountView>.Forbidden(AccessGrants.AdministratorManages);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        return user is null ? Result<AccountView>.NotFound(AccessGrants.NoUser.With(userName)) : Result<AccountView>.Ok(await ViewAsync(user, ct));
    }

    public async Task<Result<AccountView>> ChangeAccessAsync(ChangeAccessRequest request, CancellationToken ct = default)
    {
        if (!Permissions.Permission.MayAtAll(caller, Permissions.PermissionMatrix.Accounts, Permissions.PermissionAction.Edit)) return Result<AccountView>.Forbidden(AccessGrants.AdministratorManages);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == request.UserName, ct);
        if (user is null) return Result<AccountView>.NotFound(AccessGrants.NoUser.With(request.UserName));
        if (!AccessGrants.WithinReach(caller, user)) return Result<AccountView>.Forbidden(AccessGrants.OutOfReach);
        var errors = new List<FieldError>();
        var clearance = AccessGrants.Clearance(request.Clearance, caller, errors);
        var roles = AccessGrants.Roles(request.Roles, errors);
        var codes = AccessGrants.CompartmentCodes(request.Compartments, errors);
        if (user.UserName == caller.UserName && !roles.Contains(Roles.Administrator))
            errors.Add(new FieldError("roles", string.Join(";", roles), AllowedTexts.UsersYourOwnRolesAdministrator));
        if (errors.Count > 0) return Result<AccountView>.Invalid(errors);
        var mask = await AccessGrants.CompartmentMaskAsync(db, caller, codes, errors, ct);
        if (errors.Count > 0) return Result<AccountView>.Invalid(errors);

        var before = await SnapshotAsync(user, ct);
        user.Clearance = clearance;
        // Compartments outside the administrator's own stay as they were: they cannot see them, so they cannot judge them.
        user.CompartmentMask = (user.CompartmentMask & ~caller.CompartmentMask) | mask;
        user.Roles = [.. roles];
        if (request.Organisation is { } organisation) user.OrganisationCode = organisation.Trim() is { Length: > 0 } o ? o : null;
        await RecordAsync(user, before, ct);
        return Result<AccountView>.Ok(await ViewAsync(user, ct));
    }

    /// <summary>A new one-time password (to be changed at the next sign-in); also lifts a lockout.</summary>
    public async Task<Result<string>> ResetPasswordAsync(string userName, CancellationToken ct = default)
    {
        if (!Permissions.Permission.MayAtAll(caller, Permissions.PermissionMatrix.Accounts, Permissions.PermissionAction.Edit)) return Result<string>.Forbidden(AccessGrants.AdministratorManages);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return Result<string>.NotFound(AccessGrants.NoUser.With(userName));
        if (!AccessGrants.WithinReach(caller, user)) return Result<string>.Forbidden(AccessGrants.OutOfReach);
        var before = await SnapshotAsync(user, ct);
        using var users = BakenIdentity.UserManagerFor(db);
        var password = AddUser.GeneratePassword();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.FailedSignIns = 0;
        user.LockedUntilUtc = null;
        await RecordAsync(user, before, ct);
        return Result<string>.Ok(password);
    }

    /// <summary>Lifts a lockout before it ends by itself.</summary>
    public async Task<Result<AccountView>> UnlockAsync(string userName, CancellationToken ct = default)
    {
        if (!Permissions.Permission.MayAtAll(caller, Permissions.PermissionMatrix.Accounts, Permissions.PermissionAction.Edit)) return Result<AccountView>.Forbidden(AccessGrants.AdministratorManages);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return Result<AccountView>.NotFound(AccessGrants.NoUser.With(userName));
        if (!AccessGrants.WithinReach(caller, user)) return Result<AccountView>.Forbidden(AccessGrants.OutOfReach);
        var before = await SnapshotAsync(user, ct);
        user.FailedSignIns = 0;
        user.LockedUntilUtc = null;
        await RecordAsync(user, before, ct);
        return Result<AccountView>.Ok(await ViewAsync(user, ct));
    }

    private async Task<AccountView> ViewAsync(User user, CancellationToken ct)
    {
        var compartments = await Register.CompartmentDirectory.LoadAsync(db, ct);
        var tokens = await db.ApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAtUtc == null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new AccountView(user.UserName, user.DisplayName, user.Clearance, user.CompartmentMask == -1 ? ["(all)"] : compartments.Names(user.CompartmentMask),
            user.Roles, user.MustChangePassword, user.LockedUntilUtc > now ? user.LockedUntilUtc : null, tokens);
    }

    private async Task<string> SnapshotAsync(User user, CancellationToken ct)
    {
        var compartments = await Register.CompartmentDirectory.LoadAsync(db, ct);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["clearance"] = user.Clearance.DisplayName(),
            ["compartments"] = user.CompartmentMask == -1 ? "(all)" : string.Join(";", compartments.Names(user.CompartmentMask)),
            ["roles"] = string.Join(";", user.Roles), // the audit keeps the text form it always had
            ["organisation"] = user.OrganisationCode,
            ["must_change_password"] = user.MustChangePassword,
            ["locked_until"] = user.LockedUntilUtc,
        });
    }

    /// <summary>Saves the account with a history entry (open to administrators only: it names no classified content).</summary>
    private async Task RecordAsync(User user, string before, CancellationToken ct)
    {
        var after = await SnapshotAsync(user, ct);
        var version = await db.History.IgnoreQueryFilters().CountAsync(h => h.EntityKind == HistoryKind && h.EntityId == user.Id, ct) + 1;
        db.History.Add(new HistoryEntry
        {
            EntityKind = HistoryKind, EntityId = user.Id, EntityCode = user.UserName, Version = version, Change = ChangeKind.Update,
            UserName = caller.UserName, AtUtc = clock.GetUtcNow().UtcDateTime, BeforeJson = before, AfterJson = after,
            ClassificationLevel = ClassificationLevel.Ongerubriceerd,
        });
        await db.SaveChangesAsync(ct);
    }
}
