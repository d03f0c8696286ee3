using System.Globalization;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Assessments;
using Baken.Domain.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Assessments;

/// <summary>
/// The register and the file reader produce the same typed <see cref="AssessmentRow"/>s, and one builder turns them into
/// the analysis input (#18 item 3): the register is no longer written out as cells and parsed again.
/// </summary>
public sealed class AssessmentInputBuilderTests
{
    private static readonly IReadOnlyList<Criterion> Criteria = [new("2.1", "2"), new("3.1", "3"), new("5.3", "5")];

    private static readonly IReadOnlyDictionary<string, ImpactClassScale> Scales = new Dictionary<string, ImpactClassScale>
    {
        ["2.1"] = ImpactClassScale.Quantitative("2.1", 1, "deaths", [1, 10, 100, 1_000, 10_000], isIndicative: true),
        ["3.1"] = ImpactClassScale.Quantitative("3.1", 1, "EUR", [50e6, 0.5e9, 5e9, 50e9, 500e9], isIndicative: true),
        ["5.3"] = ImpactClassScale.Qualitative("5.3", 1, isIndicative: true),
    };

    private static (Scenario Scenario, Assessment Assessment) Stored(string scores = "2.1=350;3.1=B-D~C;5.3=X", string? confidence = "hoog")
    {
        var scenario = new Scenario { Title = "Cyberaanval", ThemeCode = "T-CYBER", Kind = RiskKind.Threat, HorizonYears = 5 };
        scenario.Recode("S-CYBER");
        var assessment = new Assessment
        {
            ScenarioCode = "S-CYBER", Analyst = "analyst-a", Organisation = "NCTV", Intent = "D", Capability = "C", Vulnerability = "B",
            Likelihood = "2%", OverrideReason = "recent incidents", Confidence = confidence, Scores = ScoreList.Parse(scores),
        };
        assessment.Recode("S-CYBER.analyst-a");
        return (scenario, assessment);
    }

    /// <summary>What the analysis reads of an input, written out so two inputs compare by value.</summary>
    private static string Describe(AnalysisInput input) => string.Join("\n",
        input.Criteria.Select(c => c.Code).Concat(input.Scenarios.SelectMany(s => s.Assessments.Select(a => string.Join("|",
            s.Id, s.Title, s.Theme, s.Kind, s.ClassificationLevel, a.Analyst, a.Organisation, a.HorizonYears.ToString(CultureInfo.InvariantCulture),
            a.Likelihood.Stated, a.Likelihood.Probability?.ToString(CultureInfo.InvariantCulture), a.Likelihood.Threat, a.Likelihood.OverrideReason,
            a.Confidence, string.Join(";", a.Impacts.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value}")))))));

    [Fact]
    public void Build_AStoredAssessment_GivesTheSameInputAsTheSameAssessmentReadFromAFile()
    {
        var (scenario, assessment) = Stored();
        var fromRegister = new AssessmentInputBuilder(Criteria, Scales).Build([StoredAssessmentRows.Row(1, scenario, assessment, Criteria)]);
        var file = new List<AssessmentRawRow>
        {
            new(1, ["scenario_id", "scenario_title", "theme", "kind", "analyst", "organisation", "classification", "horizon_years", "likelihood",
                "intent", "capability", "vulnerability", "confidence", "override_reason", "5.3", "2.1", "3.1"]),
            new(2, ["S-CYBER", "Cyberaanval", "T-CYBER", "Threat", "analyst-a", "NCTV", "Ongerubriceerd", "", "2%", "D", "C", "B", "high", "recent incidents", "X", "350 deaths", "B-D~C"]),
        };
        var fromFile = new AssessmentTable(Criteria, Scales).Validate(file);

        fromRegister.IsValid.ShouldBeTrue(string.Join("; ", fromRegister.Errors));
        fromFile.IsValid.ShouldBeTrue(string.Join("; ", fromFile.Errors));
        Describe(fromRegister.Input!).ShouldBe(Describe(fromFile.Input!));
        // The quantity was read against the criterion's scale (350 deaths lies in 100–1,000: class C on the decade ladder), not kept as text.
        fromRegister.Input!.Scenarios[0].Assessments[0].Impacts["2.1"].Low.ShouldBe(ImpactClass.C);
        fromRegister.Input!.Scenarios[0].Assessments[0].Confidence.ShouldBe(Confidence.High);
    }

    [Fact]
    public void Build_AStoredConfidenceThatCannotBeRead_IsAnErrorNamingTheFieldAndTheValue()
    {
        var (scenario, assessment) = Stored(confidence: "certain");
        var read = new AssessmentInputBuilder(Criteria, Scales).Build([StoredAssessmentRows.Row(1, scenario, assessment, Criteria)]);

        read.IsValid.ShouldBeFalse();
        read.Errors.ShouldContain(e => e.Field == "confidence" && e.Value == "certain" && e.Message.Contains("low, medium or high"));
    }

    [Fact]
    public void Build_AStoredAssessmentWithoutAScoreForACriterion_NamesTheCriterion_UnlessAMissingScoreIsGiven()
    {
        var (scenario, assessment) = Stored(scores: "2.1=350;3.1=B");
        var builder = new AssessmentInputBuilder(Criteria, Scales);

        builder.Build([StoredAssessmentRows.Row(1, scenario, assessment, Criteria)]).Errors
            .ShouldContain(e => e.Field == "5.3" && e.Line == 1 && e.Message.StartsWith("The cell is empty"));
        builder.Build([StoredAssessmentRows.Row(1, scenario, assessment, Criteria, missingScore: "X")]).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Build_TwoRowsOfOneScenarioThatDisagreeOnKind_IsAnError_WhicheverSourceTheyCameFrom()
    {
        var (scenario, assessment) = Stored();
        var hazard = new Scenario { Title = scenario.Title, ThemeCode = scenario.ThemeCode, Kind = RiskKind.Hazard, HorizonYears = 5 };
        hazard.Recode(scenario.Code);
        var second = new Assessment { ScenarioCode = "S-CYBER", Analyst = "analyst-b", Organisation = "AIVD", Likelihood = "C", Scores = assessment.Scores };

        var read = new AssessmentInputBuilder(Criteria, Scales).Build(
            [StoredAssessmentRows.Row(1, scenario, assessment, Criteria), StoredAssessmentRows.Row(2, hazard, second, Criteria)]);

        read.Errors.ShouldContain(e => e.Line == 2 && e.Field == "kind" && e.Value == "hazard");
    }

    /// <summary>
    /// End to end on both databases: the example file imported into the register gives, per assessment, the same typed
    /// row the file reader gives, so both build the same input.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportedExampleFile_TheRegistersRowsBuildTheSameInputAsTheFilesRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var file = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using var db = database.Context(FixedUser.System);
        (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(file)).IsOk.ShouldBeTrue();
        var catalogue = await new LoadAnalysisCatalogue(db).HandleAsync();

        var scenarios = await db.Scenarios.AsNoTracking().ToDictionaryAsync(s => s.Code);
        var stored = (await db.Assessments.AsNoTracking().ToListAsync()).ToDictionary(a => a.ScenarioCode + "." + a.Analyst);
        var fileRows = new AssessmentTable(catalogue.Criteria, catalogue.Scales).Read(file);
        fileRows.Errors.ShouldBeEmpty();
        // In the file's order, so both inputs list scenarios alike; themes compared as catalogue codes, as a run does.
        var registerRows = fileRows.Rows.Select(r => stored[r.ScenarioId + "." + r.Analyst])
            .Select(a => StoredAssessmentRows.Row(0, scenarios[a.ScenarioCode], a, catalogue.Criteria)).ToList();
        var builder = new AssessmentInputBuilder(catalogue.Criteria, catalogue.Scales);
        var fromFile = builder.Build(fileRows.Rows.Select(r => r with { Theme = catalogue.ThemeCode(r.Theme) }).ToList(), fileRows.Criteria);
        var fromRegister = builder.Build(registerRows.Select((r, i) => r with { Line = i + 1 }).ToList(), fileRows.Criteria);

        fromFile.IsValid.ShouldBeTrue(string.Join("; ", fromFile.Errors));
        fromRegister.IsValid.ShouldBeTrue(string.Join("; ", fromRegister.Errors));
        fromRegister.Input!.Scenarios.Count.ShouldBeGreaterThan(1);
        Describe(fromRegister.Input!).ShouldBe(Describe(fromFile.Input!));
    }
}
