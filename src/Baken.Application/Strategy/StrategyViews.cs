using Baken.Methods.Measures;
using Baken.Methods.Strategy;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Domain.Strategy;

namespace Baken.Application.Strategy;

public sealed record IndicatorNode(string Code, string Title, string? Unit, string Direction, double? Baseline, double? Target, DateOnly? Deadline,
    double? LatestValue, DateOnly? LatestDate, string Classification);

public sealed record MeasureNode(string Code, string Title, string Type, string Status, string? Owner, DateOnly? Due, string Classification);

public sealed record GoalNode(string Code, string Title, string? TitleEn, string Edition, int Number, string? Owner, string? Status, DateOnly? StatusDate,
    IReadOnlyList<string> Scenarios, IReadOnlyList<MeasureNode> Measures, IReadOnlyList<IndicatorNode> Indicators, string Classification);

public sealed record PillarNode(string Pillar, IReadOnlyList<GoalNode> Goals);

/// <summary>The strategy tree (pillars → goals → measures and indicators) with the latest progress, as pages and the API show it.</summary>
public sealed record StrategyTree(IReadOnlyList<PillarNode> Pillars, int Withheld)
{
    public static StrategyTree From(StrategySnapshot s) => new(
        Enum.GetValues<StrategyPillar>().Select(p => new PillarNode(p.ToString(), s.Goals.Where(g => g.Pillar == p).Select(g =>
        {
            var status = s.LatestStatus(new RecordLink("goal", g.Code));
            var codes = g.Measures.ToHashSet(StringComparer.Ordinal);
            return new GoalNode(g.Code, g.Title, g.TitleEn, g.Edition, g.Number, g.OwnerCode, status?.Status.ToString(), status?.Date,
                g.Scenarios.ToList(),
                s.Measures.Where(m => codes.Contains(m.Code)).Select(m => new MeasureNode(m.Code, m.Title, m.MeasureType.ToString(), m.Status.ToString(), m.OwnerCode, m.Due, m.ClassificationLevel.DisplayName())).ToList(),
                s.Indicators.Where(i => i.GoalCode == g.Code).Select(i =>
                {
                    var last = s.LatestValue(i.Code);
                    return new IndicatorNode(i.Code, i.Title, i.Unit, i.Direction.ToString(), i.Baseline, i.Target, i.Deadline, last?.Value, last?.Date, i.ClassificationLevel.DisplayName());
                }).ToList(), g.ClassificationLevel.DisplayName());
        }).ToList())).ToList(), s.WithheldCount);
}

/// <param name="Message">The explanation as a key and facts, for hosts that say it in the reader's language (not part of the API's JSON).</param>
public sealed record GapView(string Kind, string Subject, string Code, string Title, string Explanation, DateOnly? Since, bool Reminder,
    [property: System.Text.Json.Serialization.JsonIgnore] GapMessage? Message = null)
{
    public static IReadOnlyList<GapView> From(GapReport report) =>
        report.Gaps.Select(g => new GapView(g.Kind.ToString(), g.Subject.ToString(), g.SubjectCode, g.SubjectTitle, g.Explanation, g.Since, g.IsReminder, g.Message)).ToList();
}

public sealed record PortfolioMeasureView(string Code, string Title, string Type, double CostEuros, double RiskReduction, bool Chosen, double? ShareOfDraws,
    double? NetPresentValueEuros, double? ReductionPerEuro);

public sealed record FrontierPointView(double BudgetEuros, double CostEuros, double RiskReduction, IReadOnlyList<string> Measures);

public sealed record PreventionView(double CitedRatio, double? PreventiveRatio, double? ReactiveRatio, IReadOnlyList<string> Supporting, IReadOnlyList<string> NotSupporting);

public sealed record ResidualView(string Scenario, double CurrentAnnualProbability, double ResidualAnnualProbability, double CurrentImpactScore,
    double ResidualImpactScore, double CurrentAnnualRisk, double ResidualAnnualRisk, double ReducedShare, IReadOnlyList<string> Measures)
{
    public static IReadOnlyList<ResidualView> From(IEnumerable<ResidualRiskResult> results) => results.Select(r => new ResidualView(r.ScenarioId,
        r.CurrentAnnualProbability, r.ResidualAnnualProbability, r.CurrentImpactScore, r.ResidualImpactScore, r.CurrentAnnualRisk, r.ResidualAnnualRisk,
        r.ReducedShare, r.AppliedMeasureIds)).ToList();
}

/// <summary>A portfolio as the pages and the API show it: the chosen set, every candidate, the frontier and the prevention comparison.</summary>
public sealed record PortfolioView(double BudgetEuros, string Metric, string Unit, string? RunCode, int FirstYear, int LastYear, double DiscountRate,
    bool Indicative, IReadOnlyList<string> Chosen, double CostEuros, double RiskReduction, IReadOnlyList<PortfolioMeasureView> Measures,
    IReadOnlyList<FrontierPointView> Frontier, PreventionView? Prevention, IReadOnlyList<string> Notes, string Classification)
{
    /// <summary>Current and residual position per scenario with the chosen set in force.</summary>
    public IReadOnlyList<ResidualView> Residual { get; init; } = [];

    public static PortfolioView From(PortfolioResult r)
    {
        var o = r.Overview;
        var share = r.Uncertainty?.Measures.ToDictionary(m => m.MeasureId, m => m.Share);
        return new PortfolioView(r.Selection.BudgetEuros, o.Metric.ToString(), o.Unit, o.RunCode, o.Period.FirstYear, o.Period.LastYear, o.Period.DiscountRate,
            o.Settings.Indicative, r.Selection.ChosenMeasureIds, r.Selection.CostEuros, r.Selection.RiskReduction,
            o.Measures.Select(m => new PortfolioMeasureView(m.Measure.Code, m.Measure.Title, m.Measure.MeasureType.ToString(), m.Model.Costs.NominalCost(o.Period),
                m.Appraisal.PresentValueRiskReduction, r.Selection.ChosenMeasureIds.Contains(m.Measure.Code), share?.GetValueOrDefault(m.Measure.Code),
                m.Appraisal.NetPresentValueEuros, m.Appraisal.ReductionPerEuro)).ToList(),
            r.Frontier.Points.Select(p => new FrontierPointView(p.BudgetEuros, p.CostEuros, p.RiskReduction, p.ChosenMeasureIds)).ToList(),
            r.Prevention is { } p ? new PreventionView(p.CitedRatio, p.PreventivePackageRatio, p.ReactivePackageRatio, p.Supporting.ToList(), p.NotSupporting.ToList()) : null,
            o.Problems, o.HighestClassification.DisplayName()) { Residual = ResidualView.From(r.Residual) };
    }
}
