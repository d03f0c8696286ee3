using System.Text.Json;
using Baken.Methods.Risk;
using FsCheck;
using FsCheck.Xunit;
using Shouldly;
using static Baken.Methods.Tests.Risk.RiskBuilders;

namespace Baken.Methods.Tests.Risk;

public sealed class IntegratedAnalysisTests
{
    [Fact]
    public void Run_TwoAnalysts_ConsensusIsHigherMiddleAndImpactIsHandValue()
    {
        var criteria = Criteria(3);
        var input = new AnalysisInput(criteria,
        [
            Scenario("S1", Analyst("a", "B", "A", "C", "X"), Analyst("b", "D", "C", "C", "B-D~D")),
        ]);

        var s = IntegratedAnalysis.Run(input, Settings(criteria)).Scenarios.Single();

        // Consensus: c1 {A, C} → C; c2 C; c3 {X, D} → D; likelihood {B, D} → D. I = (9 + 9 + 27) / 3 = 15.
        s.Criteria.Select(c => c.Consensus).ShouldBe([ImpactClass.C, ImpactClass.C, ImpactClass.D]);
        s.Likelihood.ShouldBe(ImpactClass.D);
        s.ImpactValue.ShouldBe(15);
        s.ImpactBand.ShouldBe(ImpactClass.C);
        s.Disagreement.CriteriaTwoOrMoreApart.ShouldBe(["c1", "c3"]);
        s.Disagreement.ShareOfCriteriaTwoOrMoreApart.ShouldBe(2.0 / 3, 1e-12);
        s.Disagreement.LikelihoodRangeInClasses.ShouldBe(2);
    }

    [Fact]
    public void Run_EqualImpact_TieBrokenByLikelihoodThenId()
    {
        var criteria = Criteria(2);
        var input = new AnalysisInput(criteria,
        [
            Single("B", "C", "C", "C"),
            Single("A", "C", "C", "C"),
            Single("Z", "E", "C", "C"),
            Single("Top", "A", "D", "D"),
        ]);

        var ranked = IntegratedAnalysis.Run(input, Settings(criteria)).Scenarios.Select(s => (s.Id, s.Rank)).ToList();

        ranked.ShouldBe([("Top", 1), ("Z", 2), ("A", 3), ("B", 4)]);
    }

    [Fact]
    public void Run_ThreatWithSubJudgements_UsesRuleAndRecordsOverride()
    {
        var criteria = Criteria(1);
        var impacts = new Dictionary<string, ClassJudgement> { ["c1"] = ClassJudgement.Of(ImpactClass.C) };
        var threat = new ThreatJudgement(ImpactClass.E, ImpactClass.E, ImpactClass.A);
        var input = new AnalysisInput(criteria,
        [
            new ScenarioInput("T", "Threat", "T1", RiskKind.Threat, 2,
            [
                new AnalystAssessment("a", "AIVD", new LikelihoodJudgement(threat: threat), 5, impacts),
                new AnalystAssessment("b", "MIVD", new LikelihoodJudgement(ClassJudgement.Of(ImpactClass.E), threat: threat, overrideReason: "recent attack"), 5, impacts),
                new AnalystAssessment("c", "NCTV", new LikelihoodJudgement(probability: 0.02), 1, impacts),
            ]),
        ]);

        var s = IntegratedAnalysis.Run(input, Settings(criteria)).Scenarios.Single();

        // a: ∛25 → C; b: override E; c: 2 %/year → 9.6 % over 5 years → D. Median of C, D, E = D.
        s.AnalystLikelihoods.Select(a => a.PointClass).ShouldBe([ImpactClass.C, ImpactClass.E, ImpactClass.D]);
        s.AnalystLikelihoods[1].SuggestedByRule.ShouldBe(ImpactClass.C);
        s.AnalystLikelihoods[1].Explanation.ShouldContain("because: recent attack");
        s.Likelihood.ShouldBe(ImpactClass.D);
    }

    [Fact]
    public void Run_MissingCriterionJudgement_ThrowsNamingScenarioAnalystAndCriterion()
    {
        var criteria = Criteria(2);
        var input = new AnalysisInput(criteria, [Scenario("S1", Analyst("ann", "C", "C"))]);

        var ex = Should.Throw<ArgumentException>(() => IntegratedAnalysis.Run(input, Settings(criteria)));
        ex.Message.ShouldContain("Scenario S1, analyst ann: no judgement for criterion c2");
    }

    [Fact]
    public void Run_OneScenarioMovesUnderMedal_IsFlaggedInSensitivity()
    {
        // f = 3: Z (C,C,C,C) = 9 beats each (D,X,X,X) = 6.75; the medal method counts D's and puts Z last.
        var criteria = Criteria(4);
        var input = new AnalysisInput(criteria,
        [
            Single("Z", "C", "C", "C", "C", "C"),
            Single("D1", "C", "D", "X", "X", "X"),
            Single("D2", "C", "D", "X", "X", "X"),
            Single("D3", "C", "D", "X", "X", "X"),
            Single("D4", "C", "D", "X", "X", "X"),
        ]);

        var result = IntegratedAnalysis.Run(input, Settings(criteria));
        var z = result.Scenarios.Single(s => s.Id == "Z");

        z.Rank.ShouldBe(1);
        z.MedalRank.ShouldBe(5);
        z.Sensitivity.Flagged.ShouldBeTrue();
        z.Sensitivity.LargestMove.ShouldBe(4);
        z.Sensitivity.Ranks.Single(r => r.Variant == "f=10").Rank.ShouldBe(5); // 100 < 1000/4
        result.Scenarios.Single(s => s.Id == "D1").Sensitivity.Flagged.ShouldBeFalse();
        result.SensitivityVariants.ShouldBe(["base", "f=3", "f=10", "profile:equal-per-criterion", "profile:equal-per-interest",
            "profile:physical-economic", "profile:social-political-international", "profile:territorial-ecological", "medal", "evamix"]);
    }

    [Property(MaxTest = 12, Replay = "(9001,5)")]
    public bool Run_ReorderedScenariosAndAnalysts_ChangesNothing(PositiveInt seed)
    {
        var input = RandomInput(seed.Get, scenarios: 7, criteria: 4, analysts: 3);
        var settings = new AnalysisSettings(EqualWeights(input.Criteria)) { Iterations = 300, Seed = seed.Get, DirichletConcentration = 20 };
        var random = new Random(seed.Get + 1);
        var shuffled = input with
        {
            Scenarios = input.Scenarios.OrderBy(_ => random.Next())
                .Select(s => s with { Assessments = s.Assessments.OrderBy(_ => random.Next()).ToList() }).ToList(),
        };

        return Fingerprint(IntegratedAnalysis.Run(input, settings)) == Fingerprint(IntegratedAnalysis.Run(shuffled, settings));
    }

    internal static string Fingerprint(AnalysisResult result) => JsonSerializer.Serialize(result);
}
