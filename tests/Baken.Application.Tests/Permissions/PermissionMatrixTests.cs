using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Domain.Users;

namespace Baken.Application.Tests.Permissions;

/// <summary>The matrix itself: every record kind has a subject, the cells the issue names hold, and docs/security.md shows the data.</summary>
public sealed class PermissionMatrixTests
{
    private static FixedUser As(string role, string? organisation = null, string name = "someone") =>
        new(name, ClassificationLevel.StaatsgeheimZeerGeheim, -1, [role], organisation);

    [Fact]
    public void EveryRecordKind_BelongsToExactlyOneSubject()
    {
        foreach (var kind in RecordKinds.All)
            PermissionMatrix.Kinds.Count(k => k.Value.Contains(kind.Name)).ShouldBe(1, kind.Name);
    }

    [Theory]
    // role, subject, action, allowed for some record (the reach is tested below)
    [InlineData(Roles.Public, PermissionMatrix.Catalogue, PermissionAction.Create, false)]
    [InlineData(Roles.Public, PermissionMatrix.Strategy, PermissionAction.Delete, false)]
    [InlineData(Roles.Public, PermissionMatrix.Feeds, PermissionAction.Create, false)]
    [InlineData(Roles.CouncilMember, PermissionMatrix.Councils, PermissionAction.Edit, false)]
    [InlineData(Roles.Administrator, PermissionMatrix.Catalogue, PermissionAction.Edit, false)]
    [InlineData(Roles.Analyst, PermissionMatrix.Strategy, PermissionAction.Edit, false)]
    [InlineData(Roles.Analyst, PermissionMatrix.Councils, PermissionAction.Create, false)]
    [InlineData(Roles.Analyst, PermissionMatrix.Catalogue, PermissionAction.Declassify, false)]
    [InlineData(Roles.Analyst, PermissionMatrix.AnalysisRuns, PermissionAction.Create, false)]
    [InlineData(Roles.Analyst, PermissionMatrix.Signals, PermissionAction.Edit, true)]
    [InlineData(Roles.Analyst, PermissionMatrix.Assessments, PermissionAction.Import, true)]
    [InlineData(Roles.PolicyOwner, PermissionMatrix.Strategy, PermissionAction.Edit, true)]
    [InlineData(Roles.PolicyOwner, PermissionMatrix.Catalogue, PermissionAction.Edit, false)]
    [InlineData(Roles.Secretariat, PermissionMatrix.Councils, PermissionAction.Create, true)]
    [InlineData(Roles.Secretariat, PermissionMatrix.Councils, PermissionAction.Declassify, false)]
    [InlineData(Roles.Coordinator, PermissionMatrix.Catalogue, PermissionAction.Declassify, true)]
    [InlineData(Roles.Coordinator, PermissionMatrix.AnalysisRuns, PermissionAction.Create, true)]
    [InlineData(Roles.Coordinator, PermissionMatrix.Councils, PermissionAction.Create, false)]
    [InlineData(Roles.Coordinator, PermissionMatrix.Accounts, PermissionAction.Edit, false)]
    [InlineData(Roles.Administrator, PermissionMatrix.Accounts, PermissionAction.Edit, true)]
    public void TheCellsOfTheIssue_HoldAsData(string role, string subject, PermissionAction action, bool allowed)
    {
        Permission.MayAtAll(As(role, "ORG-A"), subject, action).ShouldBe(allowed);
    }

    [Fact]
    public void EveryRole_Reads()
    {
        foreach (var role in Roles.All)
            foreach (var subject in PermissionMatrix.Kinds.Keys.Where(k => k is not (PermissionMatrix.Accounts or PermissionMatrix.Tokens)))
                Permission.MayAtAll(As(role), subject, PermissionAction.Read).ShouldBeTrue($"{role} {subject}");
    }

    [Fact]
    public void AnAssessment_IsWrittenByItsAnalystOrACoordinator()
    {
        var owner = new RecordOwner("RIVM", "ana-rivm");
        Permission.Refusal(As(Roles.Analyst, "RIVM", "ana-rivm"), PermissionMatrix.Assessments, PermissionAction.Edit, owner).ShouldBeNull();
        Permission.Refusal(As(Roles.Analyst, "RIVM", "ana-ncsc"), PermissionMatrix.Assessments, PermissionAction.Edit, owner)!.English.ShouldContain("ana-rivm");
        Permission.Refusal(As(Roles.Coordinator, null, "coord"), PermissionMatrix.Assessments, PermissionAction.Edit, owner).ShouldBeNull();
        Permission.Refusal(As(Roles.PolicyOwner, "RIVM", "po"), PermissionMatrix.Assessments, PermissionAction.Edit, owner).ShouldNotBeNull();
    }

    [Fact]
    public void APolicyOwner_WritesOnlyTheirOwnOrganisation()
    {
        var mine = As(Roles.PolicyOwner, "MIN-JENV");
        Permission.Refusal(mine, PermissionMatrix.Strategy, PermissionAction.Edit, new RecordOwner("MIN-JENV", null)).ShouldBeNull();
        Permission.Refusal(mine, PermissionMatrix.Strategy, PermissionAction.Edit, new RecordOwner("min-jenv", null)).ShouldBeNull();
        Permission.Refusal(mine, PermissionMatrix.Strategy, PermissionAction.Edit, new RecordOwner("MIN-BZK", null))!.English.ShouldContain("MIN-BZK");
        Permission.Refusal(mine, PermissionMatrix.Strategy, PermissionAction.Create, RecordOwner.None).ShouldNotBeNull();
        // Without an organisation on the account, nothing is "own".
        Permission.Refusal(As(Roles.PolicyOwner), PermissionMatrix.Strategy, PermissionAction.Edit, RecordOwner.None).ShouldNotBeNull();
    }

    [Fact]
    public void AUserWithoutRoles_MayWriteNothing()
    {
        var nobody = new FixedUser("x", ClassificationLevel.StaatsgeheimZeerGeheim, -1, []);
        foreach (var subject in PermissionMatrix.Kinds.Keys)
            foreach (var action in Enum.GetValues<PermissionAction>().Where(a => a != PermissionAction.Read))
                Permission.MayAtAll(nobody, subject, action).ShouldBeFalse($"{subject} {action}");
    }

    [Fact]
    public void DocsSecurityMd_ShowsTheMatrixAndEveryReason()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md")).ReplaceLineEndings("\n");
        docs.ShouldContain(PermissionMatrix.MarkdownTable(), customMessage: "docs/security.md must hold this table:\n" + PermissionMatrix.MarkdownTable());
        docs.ShouldContain(PermissionMatrix.MarkdownReasons(), customMessage: "docs/security.md must hold this table:\n" + PermissionMatrix.MarkdownReasons());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Baken.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Baken.slnx not found above the test assembly.");
    }
}
