using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Users;

/// <summary>Administrators changing accounts, on both databases.</summary>
public sealed class ManageUsersTests
{
    private const string Password = "Zeer-Sterk-2026!";

    private static async Task<(TestDatabase Database, FixedUser Admin)> SetUpAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var add = new AddUser(db, FixedUser.System, TimeProvider.System);
        // The administrator holds NUC, not CYBER; the analyst holds NUC; 'cyber' holds CYBER, beyond the administrator's reach.
        (await add.HandleAsync(new AddUserRequest("beheer", "Stg.G", "NUC", "Administrator", Password))).IsOk.ShouldBeTrue();
        (await add.HandleAsync(new AddUserRequest("analist", "Stg.G", "NUC", "Analyst", Password))).IsOk.ShouldBeTrue();
        (await add.HandleAsync(new AddUserRequest("cyber", "Dep.V", "CYBER", "Analyst", Password))).IsOk.ShouldBeTrue();
        (await add.HandleAsync(new AddUserRequest("hoog", "Stg.ZG", null, "Analyst", Password))).IsOk.ShouldBeTrue();
        var nuc = (await db.Compartments.SingleAsync(c => c.Code == "NUC")).Mask;
        return (database, new FixedUser("beheer", ClassificationLevel.StaatsgeheimGeheim, nuc, [Roles.Administrator]));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangingAccess_LowersTheClearance_SetsTheOrganisation_AndIsInTheHistory(DatabaseProvider provider)
    {
        var (database, admin) = await SetUpAsync(provider);
        await using var _ = database;
        await using var db = database.Context(admin);
        var result = await new ManageUsers(db, admin, TimeProvider.System).ChangeAccessAsync(new ChangeAccessRequest("analist", "Dep.V", "", "Analyst;PolicyOwner", "MIN-JENV"));
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Value!.Clearance.ShouldBe(ClassificationLevel.DepartementaalVertrouwelijk);
        result.Value.Roles.ShouldBe(["Analyst", "PolicyOwner"]);
        result.Value.Compartments.ShouldBeEmpty(); // NUC taken away by an administrator who holds it

        var entry = await db.History.IgnoreQueryFilters().SingleAsync(h => h.EntityKind == ManageUsers.HistoryKind && h.EntityCode == "analist");
        entry.UserName.ShouldBe("beheer");
        entry.BeforeJson!.ShouldContain("Staatsgeheim Geheim");
        entry.AfterJson!.ShouldContain("Departementaal Vertrouwelijk");
        entry.AfterJson!.ShouldContain("PolicyOwner");
        entry.AfterJson!.ShouldContain("MIN-JENV");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAdministrator_CannotReachAboveThemselves_NorDropTheirOwnRole(DatabaseProvider provider)
    {
        var (database, admin) = await SetUpAsync(provider);
        await using var _ = database;
        await using var db = database.Context(admin);
        var manage = new ManageUsers(db, admin, TimeProvider.System);
        (await manage.ChangeAccessAsync(new ChangeAccessRequest("analist", "Stg.ZG", "", "Analyst"))).Errors.Single().Field.ShouldBe("clearance");
        (await manage.ChangeAccessAsync(new ChangeAccessRequest("analist", "Stg.G", "GEHEIM-NIEUW;CYBER", "Analyst"))).Errors
            .ShouldContain(e => e.Field == "compartments" && e.Value == "CYBER");
        (await manage.ChangeAccessAsync(new ChangeAccessRequest("beheer", "Stg.G", "NUC", "Analyst"))).Errors.Single().Field.ShouldBe("roles");
        // Above the administrator's clearance, or holding a compartment they lack: out of reach for every account action.
        foreach (var outOfReach in new[] { "hoog", "cyber" })
        {
            (await manage.ChangeAccessAsync(new ChangeAccessRequest(outOfReach, "Dep.V", "", "Analyst"))).Status.ShouldBe(ResultStatus.Forbidden);
            (await manage.ResetPasswordAsync(outOfReach)).Status.ShouldBe(ResultStatus.Forbidden);
            (await manage.UnlockAsync(outOfReach)).Status.ShouldBe(ResultStatus.Forbidden);
        }
        (await manage.ChangeAccessAsync(new ChangeAccessRequest("niemand", "Dep.V", "", "Analyst"))).Status.ShouldBe(ResultStatus.NotFound);

        var analyst = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "analist", Roles.Analyst);
        (await new ManageUsers(db, analyst, TimeProvider.System).UnlockAsync("beheer")).Status.ShouldBe(ResultStatus.Forbidden);

        await using var check = database.Context(FixedUser.System);
        (await check.Users.SingleAsync(u => u.UserName == "analist")).Clearance.ShouldBe(ClassificationLevel.StaatsgeheimGeheim);
        (await check.Compartments.AnyAsync(c => c.Code == "GEHEIM-NIEUW")).ShouldBeFalse();
        (await check.History.IgnoreQueryFilters().CountAsync(h => h.EntityKind == ManageUsers.HistoryKind)).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AResetPassword_ReplacesTheOldOne_LiftsTheLockout_AndMustBeChanged(DatabaseProvider provider)
    {
        var (database, admin) = await SetUpAsync(provider);
        await using var _ = database;
        await using (var db = database.Context(FixedUser.System))
            for (var i = 0; i < BakenIdentity.MaxFailedSignIns; i++) (await new SignIn(db).HandleAsync("analist", "fout")).ShouldBeNull();
        string oneTime;
        await using (var db = database.Context(admin))
        {
            var manage = new ManageUsers(db, admin, TimeProvider.System);
            (await manage.GetAsync("analist")).Value!.LockedUntilUtc.ShouldNotBeNull();
            oneTime = (await manage.ResetPasswordAsync("analist")).Value!;
        }
        await using (var db = database.Context(FixedUser.System))
        {
            (await new SignIn(db).HandleAsync("analist", Password)).ShouldBeNull();
            var user = await new SignIn(db).HandleAsync("analist", oneTime);
            user.ShouldNotBeNull();
            user.MustChangePassword.ShouldBeTrue();
        }
    }
}
