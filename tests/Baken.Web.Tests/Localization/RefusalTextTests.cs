using System.Globalization;
using Baken.Application.Common;
using Baken.Application.Jobs;
using Baken.Application.Permissions;
using Baken.Application.Register;
using Baken.Application.Workflow;
using Baken.Domain;
using Baken.Domain.Assessments;
using Baken.Domain.Jobs;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Baken.Domain.Users;
using Baken.Testing;
using Baken.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baken.Web.Tests.Localization;

/// <summary>
/// Issue 17: a refusal of the permission model is a catalogue text. The API and the CLI keep its English word for word;
/// a Dutch page says it in Dutch, the action, the subject and the roles included.
/// </summary>
public sealed class RefusalTextTests
{
    private static FixedUser As(string role, string? organisation = null, string name = "someone") =>
        new(name, ClassificationLevel.StaatsgeheimZeerGeheim, -1, [role], organisation);

    internal static (string Dutch, string English) Read(ValidationMessage message)
    {
        var ui = new Ui(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
        var (ui0, c0) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
            var dutch = ui.Message(message);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            return (dutch, ui.Message(message));
        }
        finally { CultureInfo.CurrentUICulture = ui0; CultureInfo.CurrentCulture = c0; }
    }

    /// <summary>
    /// The register's reference rules name the kind: in English by the register's name as the CLI always wrote it, in
    /// Dutch by the kind's display name, never the technical name ("scenario-frame", "vital process") in a Dutch sentence.
    /// </summary>
    [Fact]
    public void AReferenceRule_NamesTheKindByItsDisplayName_InDutch()
    {
        var (dutch, english) = Read(RecordReferences.Existing("scenario-frame"));
        english.ShouldBe("the code of an existing scenario-frame");
        dutch.ShouldBe($"de code van een bestaand record uit {RecordKinds.ScenarioFrame.DisplayNl}");

        (dutch, english) = Read(RecordReferences.Existing("vital process"));
        english.ShouldBe("the code of an existing vital process");
        dutch.ShouldBe("de code van een bestaand record uit Vitale processen");

        (dutch, english) = Read(RecordReferences.NeverPointsUp("scenario"));
        english.ShouldStartWith("the code of a scenario classified no higher");
        dutch.ShouldStartWith("de code van een record uit Scenario");
        dutch.ShouldNotContain(" scenario ");

        // A name that is no register kind reads as written in both languages.
        Read(RecordReferences.Existing("thing")).Dutch.ShouldBe("de code van een bestaand record uit thing");
    }

    [Fact]
    public void ARoleThatMayNot_IsToldWhichRolesMay_InTheReadersLanguage()
    {
        var denied = Permission.Deny<int>(As(Roles.Public), PermissionMatrix.Strategy, PermissionAction.Create)!;

        denied.Status.ShouldBe(ResultStatus.Forbidden);
        denied.Message.ShouldBe($"To create strategy needs the role {PermissionMatrix.RolesFor(PermissionMatrix.Strategy, PermissionAction.Create)}.");
        var (dutch, english) = Read(denied.Said);
        english.ShouldBe(denied.Message);
        dutch.ShouldStartWith("Voor het aanmaken van de strategie is de rol ");
        dutch.ShouldEndWith(" nodig.");
        dutch.ShouldContain("Coördinator");
        dutch.ShouldNotContain(" or ");
    }

    [Fact]
    public void ARecordOfAnotherOrganisation_IsRefusedInDutch_AndInTheCoresEnglish()
    {
        var refusal = Permission.Refusal(As(Roles.PolicyOwner, "MIN-JENV"), PermissionMatrix.Strategy, PermissionAction.Edit, new RecordOwner("MIN-BZK", null))!;

        var (dutch, english) = Read(refusal);
        english.ShouldBe("You may edit strategy of your own organisation ('MIN-JENV') only; this one belongs to 'MIN-BZK'.");
        refusal.English.ShouldBe(english);
        dutch.ShouldBe("Het bewerken van de strategie mag u alleen voor uw eigen organisatie ('MIN-JENV'); dit record hoort bij 'MIN-BZK'.");

        var orphan = Permission.Refusal(As(Roles.PolicyOwner, "MIN-JENV"), PermissionMatrix.Strategy, PermissionAction.Declassify, RecordOwner.None)!;
        Read(orphan).English.ShouldBe("You may lower the classification of strategy of your own organisation ('MIN-JENV') only; this one belongs to 'no organisation'.");
        Read(orphan).Dutch.ShouldBe("Het verlagen van de rubricering van de strategie mag u alleen voor uw eigen organisatie ('MIN-JENV'); dit record hoort bij 'geen organisatie'.");
    }

    [Fact]
    public void AnotherAnalystsAssessment_IsRefusedInDutch()
    {
        var refusal = Permission.Refusal(As(Roles.Analyst, "RIVM", "ana-ncsc"), PermissionMatrix.Assessments, PermissionAction.Edit, new RecordOwner("RIVM", "ana-rivm"))!;

        var (dutch, english) = Read(refusal);
        english.ShouldBe("An assessment is written by its own analyst ('ana-rivm') or a Coordinator.");
        dutch.ShouldBe("Een beoordeling wordt geschreven door haar eigen analist ('ana-rivm') of een coördinator.");
    }

    [Fact]
    public void ABatchWithManyRefusedRows_IsOneSentenceInEachLanguage()
    {
        var row = new FieldError("code", "M-1", Permission.Refusal(As(Roles.PolicyOwner, "A"), PermissionMatrix.Strategy, PermissionAction.Edit, new RecordOwner("B", null))!, 2);
        var refused = Permission.Refused<int>([row, row with { Line = 3 }]);

        refused.Message.ShouldBe("Refused: 2 rows name records you may not write; nothing was written.");
        Read(refused.Said).Dutch.ShouldBe("Geweigerd: 2 regels noemen records die u niet mag schrijven; er is niets geschreven.");
        Permission.Refused<int>([row]).Message.ShouldBe($"Refused: {row}");
    }

    [Fact]
    public void ARefusalKeptWithAFailedJob_IsStillDutch_WhenReadBack()
    {
        var row = new FieldError("code", "M-1", Permission.Refusal(As(Roles.PolicyOwner, "A"), PermissionMatrix.Strategy, PermissionAction.Edit, new RecordOwner("B", null))!, 2);

        var kept = JobProblems.Read(JobProblems.Write([row])).ShouldHaveSingleItem();

        kept.ShouldBe(row);
        Read(kept.Message).Dutch.ShouldBe("Het bewerken van de strategie mag u alleen voor uw eigen organisatie ('A'); dit record hoort bij 'B'.");
    }

    [Fact]
    public void AWorkflowRefusalOrConflict_IsDutchOnAPage_AndTheSameEnglishForTheApi()
    {
        var refused = WorkflowRoles.NotCoordinator<int>(WorkflowRoles.ValidateAssessment);
        refused.Status.ShouldBe(ResultStatus.Forbidden);
        refused.Message.ShouldBe("Only a coordinator may validate an assessment.");
        Read(refused.Said).ShouldBe(("Alleen een coördinator mag een beoordeling valideren.", refused.Message!));

        var conflict = Result<int>.Conflict(WorkflowRoles.CycleInRound.With("CYC-1", 2));
        conflict.Status.ShouldBe(ResultStatus.Conflict);
        conflict.Message.ShouldBe("Cycle 'CYC-1' is already in round 2.");
        Read(conflict.Said).ShouldBe(("Cyclus 'CYC-1' is al in ronde 2.", conflict.Message!));

        var missing = Result<int>.NotFound(WorkflowRoles.NoReview.With("REV-1"));
        missing.Message.ShouldBe("No likelihood review 'REV-1'.");
        Read(missing.Said).Dutch.ShouldBe("Er is geen herbeoordeling van de waarschijnlijkheid 'REV-1'.");
    }

    [Fact]
    public void APagesOutcomeLine_IsDutchOnADutchPage_AndAsTheCoreWroteItOnAnEnglishOne()
    {
        var ui = new Ui(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
        var closed = Result<int>.Conflict(WorkflowRoles.ReviewClosed.With("REV-1"));
        var invalid = Result<int>.Invalid(new FieldError("decision", "", AllowedTexts.WorkflowNoChangeRevised));
        var (ui0, c0) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
            ui.Outcome(closed).ShouldBe("Herbeoordeling 'REV-1' is al gesloten.");
            var dutch = ui.Outcome(invalid);
            dutch.ShouldBe(ui.Problem(invalid.Errors[0]));
            dutch.ShouldNotContain("not valid");
            dutch.ShouldNotContain("allowed");

            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            ui.Outcome(closed).ShouldBe("Review 'REV-1' is already closed.");
            ui.Outcome(invalid).ShouldBe($"The input is not valid. {invalid.Errors[0]}");
        }
        finally { CultureInfo.CurrentUICulture = ui0; CultureInfo.CurrentCulture = c0; }
    }

    [Theory]
    [InlineData("analysis-run", "Analysis runs are made by their own command, not edited in the register.", "Analyses worden met hun eigen opdracht gemaakt, niet in het register bewerkt.")]
    [InlineData("cycle", "Assessment cycles are made by their own command, not edited in the register.", "Beoordelingsrondes worden met hun eigen opdracht gemaakt, niet in het register bewerkt.")]
    public async Task ARecordMadeByItsOwnCommand_IsRefusedInTheRegister_WithTheKindsNameInTheReadersLanguage(string kind, string english, string dutch)
    {
        // The refusal comes before any look-up (a read-only kind is refused to everyone), so no database is needed.
        var refused = await new SaveRecord(null!, As(Roles.Coordinator))
            .HandleAsync(new SaveRecordRequest(kind, "X-1", new Dictionary<string, string?>(), SaveMode.Create));

        refused.Status.ShouldBe(ResultStatus.Forbidden);
        refused.Message.ShouldBe(english);
        Read(refused.Said).ShouldBe((dutch, english));
    }

    [Fact]
    public void AnAssessmentStatusConflict_NamesTheStatusInDutch_AndTheSameEnglishForTheApi()
    {
        var conflict = Result<int>.Conflict(AssessmentStatusTexts.NotSubmittable.With(
            "E-DROUGHT.ana", AssessmentStatusTexts.Status[AssessmentStatus.Validated]));

        conflict.Message.ShouldBe("Assessment 'E-DROUGHT.ana' is validated; only a draft or a returned assessment can be submitted.");
        Read(conflict.Said).ShouldBe(("Beoordeling 'E-DROUGHT.ana' is gevalideerd; alleen een concept of een teruggestuurde beoordeling kan worden ingediend.", conflict.Message!));
        Read(AllowedTexts.NoAnalysisRun.With("RUN-9")).ShouldBe(("Er is geen analyserun 'RUN-9'.", "No analysis run 'RUN-9'."));
    }

    [Fact]
    public void TheLastEnglishNotFoundsAndConflicts_AreCatalogueTexts_WithTheStateWordAndKindNameInTheReadersLanguage()
    {
        // A job's and an alert's state is a word of the catalogue, not the enum's name.
        Read(AllowedTexts.JobsNotCancellable.With(AllowedTexts.JobState[JobState.Done])).ShouldBe((
            "De taak is al gereed; alleen een wachtende of lopende taak kan worden geannuleerd.",
            "The job is already done; only a waiting or running job can be cancelled."));
        Read(AllowedTexts.WorkflowAlertReviewedOnce.With("AL-1", AllowedTexts.AlertStatus[AlertStatus.ReviewOpened])).ShouldBe((
            "Waarschuwing 'AL-1' is al in herbeoordeling; een herbeoordeling wordt één keer geopend.",
            "Alert 'AL-1' is review opened; a review is opened once."));
        Read(AllowedTexts.CouncilsPaperExists.With("P-1")).ShouldBe(("Er bestaat al een stuk met code 'P-1'; kies een andere code.", "A paper with code 'P-1' exists already; give another code."));
        Read(AllowedTexts.ReleasesNoRelease.With("REL-1")).Dutch.ShouldBe("Er is geen vrijgave 'REL-1'.");

        // The register names a kind by its display name, as its other texts do (was "scenario-frame 'F' does not exist").
        var frames = RecordKinds.ScenarioFrame;
        Read(RegisterTexts.NotFound(frames, "F-1")).ShouldBe(("Er is geen record met code 'F-1' in Scenarioverkenningen.", "No record with code 'F-1' in Scenario frames."));
        Read(RegisterTexts.CodeInUse(RecordKinds.Risk, "R-1")).ShouldBe((
            "Een record met code 'R-1' kan niet worden aangemaakt in Risico's: de code is al in gebruik.",
            "A record with code 'R-1' cannot be created in Risks: the code is already in use."));

        // A delete that others refer to, and a save that lost the race: the CLI's English unchanged, the Dutch with the kinds' Dutch names.
        var referred = RegisterTexts.ReferredBy(RecordKinds.Theme, "T-1",
            [(RecordKinds.Scenario, ["S-1"]), (RecordKinds.Risk, ["R-1", "R-2"])], hidden: true);
        Read(referred).ShouldBe((
            "Record 'T-1' uit Thema's kan niet worden verwijderd: 1 uit Scenario's (S-1), 2 uit Risico's (R-1, R-2) en andere records verwijzen ernaar. Wijzig of verwijder die eerst, of verwijder met cascade.",
            "The theme 'T-1' cannot be deleted: 1 scenario (S-1), 2 risks (R-1, R-2) and other records refer to it. Change or delete those first, or delete with cascade."));
        Read(RegisterTexts.ChangedSince(RecordKinds.Scenario, "S-1")).ShouldBe((
            "Record 'S-1' uit Scenario's is door iemand anders gewijzigd of verwijderd sinds u het las. Laad het opnieuw en breng uw wijziging dan opnieuw aan.",
            "scenario 'S-1' was changed or deleted by someone else since you read it. Reload it, then apply your change again."));

        // A list of catalogue texts is rendered part by part in the reader's language.
        var own = AllowedTexts.CascadesOwnJudgement.With("S-1.ana", "ana", AllowedTexts.List([
            AllowedTexts.CascadesOwnBesideSuggested.With("1.1", "B", "C", 1200.0, "persons"), AllowedTexts.CascadesOwnBesideSuggested.With("2.1", "A", "D", 5.0, "km2")]));
        var (dutch, english) = Read(own);
        english.ShouldBe("Assessment 'S-1.ana' holds analyst 'ana''s own judgement beside the suggestion: 1.1: own 'B', suggested C (1,200 persons); 2.1: own 'A', suggested D (5 km2). "
            + "Nothing was written: replace the own judgement explicitly (--replace), or keep it with a reason (--override).");
        dutch.ShouldStartWith("Beoordeling 'S-1.ana' bevat naast de suggestie het eigen oordeel van analist 'ana': 1.1: eigen 'B', voorgesteld C (1.200 persons); 2.1: eigen 'A', voorgesteld D (5 km2).");
    }
}
