using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Baken.Methods.Measures;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using CsvHelper;

namespace Baken.Cli.Commands;

/// <summary>baken measures | portfolio: the palette of measures valued against the latest analysis, and the best set under a budget.</summary>
public static class MeasureCommands
{
    private static Option<string> Metric() => new("--metric")
    {
        Description = "Value risk as expected annual damage in euros (ead) or as risk points (points) where money is not accepted",
        DefaultValueFactory = _ => "ead",
    };

    public static Command Measures(CommandIo io)
    {
        var metric = Metric();
        var apply = new Option<string?>("--apply") { Description = "Measure codes separated by ',' or ';': show each scenario's current and residual risk with them in force" };
        var format = ListOutput.FormatOption();
        var rule = new Option<string>("--rule")
        {
            Description = "The number that stands for a class: geometric (√(low·high), default), midpoint ((low+high)/2) or lower (the lower bound); recommendations that flip between rules are flagged as fragile",
            DefaultValueFactory = _ => "geometric",
        };
        var draws = new Option<int>("--draws") { Description = "How many of the analysis run's own Monte Carlo draws to value the measures on (0: no interval)", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the draws of the measures' effect ranges (default: the run's seed)" };
        var cmd = new Command("measures", "The measures you may see, with costs, the risk they remove and their net present value or cost-effectiveness, as 5/50/95 percentiles over the run's draws")
        {
            metric, apply, format, rule, draws, seed,
        };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var chosen = ListOutput.Resolve(io, parse.GetValue(format));
            var asJson = chosen == "json";
            if (!ValuationRuleComparison.TryParse(parse.GetValue(rule), out var classRule))
                throw CliException.Invalid("--rule", parse.GetValue(rule), "geometric, midpoint or lower");
            if (parse.GetValue(draws) is < 0 or > MeasureValuation.MaximumDraws)
                throw new CliException(ExitCodes.Invalid, $"--draws: {parse.GetValue(draws)} is outside 0 … 100 000.");
            var yardstick = ParseMetric(parse.GetValue(metric));
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            if (parse.GetValue(apply) is { } codes)
            {
                var (residualOverview, residual) = await session.Get<MeasuresAnalysis>().ResidualAsync(
                    codes.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), yardstick, ct);
                await Notes(io, residualOverview);
                var residualList = new ListOutput("scenario", "current_annual_probability", "residual_annual_probability", "current_impact", "residual_impact",
                    "current_annual_risk", "residual_annual_risk", "reduced_share", "measures");
                foreach (var r in residual)
                    residualList.Add(r.ScenarioId, N(r.CurrentAnnualProbability, "G6"), N(r.ResidualAnnualProbability, "G6"), N(r.CurrentImpactScore, "G6"), N(r.ResidualImpactScore, "G6"),
                        N(r.CurrentAnnualRisk, "G6"), N(r.ResidualAnnualRisk, "G6"), N(r.ReducedShare, "0.####"), string.Join(';', r.AppliedMeasureIds));
                residualList.Write(io, chosen);
                await io.Err.WriteLineAsync($"Marked {(await MarkingAsync(session, residualOverview.Classification, ct))}.");
                return ExitCodes.Ok;
            }
            var overview = await session.Get<MeasuresAnalysis>().OverviewAsync(
                new MeasureValuation(yardstick, null, classRule, parse.GetValue(draws), parse.GetValue(seed)), ct);
            await Notes(io, overview);
            var rows = overview.Measures.Select(r => MeasureLine.From(r, overview.Rule)).ToList();
            if (asJson) await io.Out.WriteLineAsync(JsonSerializer.Serialize(rows, JsonLines));
            else if (chosen == "table") WriteTable(io, rows);
            else WriteCsv(io.Out, rows);
            // Standard output stays the table scripts read; the marking of what it holds goes to standard error (docs/formats.md §0.1).
            await io.Err.WriteLineAsync($"Marked {(await MarkingAsync(session, overview.Classification, ct))}.");
            foreach (var r in overview.Measures.Where(r => r.Robustness is { Fragile: true }))
                await io.Err.WriteLineAsync($"Fragile: {r.Measure.Code}: {r.Robustness!.Reason}.");
            if (overview.Measures.Count == 0)
                await io.Err.WriteLineAsync("No measures you may see yet: add one with 'baken measure add CODE --title … --effects …', import a file with 'baken import FILE --kind measure', or load the fictional demonstration data with 'baken demo'.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task<string> MarkingAsync(CliSession session, Classification classification, CancellationToken ct) =>
        await session.Get<ReadMarkings>().LineAsync(classification, ct);

    /// <summary>
    /// One line of <c>baken measures</c>. The NPV percentiles and P(NPV &gt; 0) are empty for risk points (no net benefit
    /// without money) and without draws; reduction per euro is the benefit–cost ratio (EAD) or risk points removed per euro.
    /// </summary>
    private sealed record MeasureLine(
        string Measure, string Title, string Pillar, string Type, string? Owner, string Status,
        double PvCostEur, double PvRiskReduction, double? NpvEur, double? ReductionPerEur,
        double? NpvP05, double? NpvP50, double? NpvP95, double? PNpvPositive,
        double? ReductionPerEurP05, double? ReductionPerEurP50, double? ReductionPerEurP95,
        string Rule, int Draws, bool Fragile, string? FragileReason)
    {
        public static readonly string[] Header =
        [
            "measure", "title", "pillar", "type", "owner", "status", "pv_cost_eur", "pv_risk_reduction", "npv_eur", "reduction_per_eur",
            "npv_p05", "npv_p50", "npv_p95", "p_npv_positive", "reduction_per_eur_p05", "reduction_per_eur_p50", "reduction_per_eur_p95",
            "rule", "draws", "fragile", "fragile_reason",
        ];

        public static MeasureLine From(MeasureRow r, ClassValuationRule rule)
        {
            var a = r.Appraisal;
            var u = r.Uncertainty;
            return new MeasureLine(r.Measure.Code, r.Measure.Title, r.Measure.Pillar.ToString(), r.Measure.MeasureType.ToString(), r.Measure.OwnerCode,
                r.Measure.Status.ToString(), a.PresentValueCostEuros, a.PresentValueRiskReduction, a.NetPresentValueEuros, a.ReductionPerEuro,
                u?.NpvP05, u?.NpvP50, u?.NpvP95, u?.ProbabilityNpvPositive, u?.ReductionPerEuroP05, u?.ReductionPerEuroP50, u?.ReductionPerEuroP95,
                ValuationRuleComparison.Name(rule), u?.Draws ?? 0,
                r.Robustness?.Fragile ?? false, r.Robustness?.Reason);
        }
    }
    public static Command Portfolio(CommandIo io)
    {
        var budget = new Option<string>("--budget") { Description = "Budget for the measures' costs over the appraisal period: 500m, 1.2bn, 750k or euros", Required = true };
        var metric = Metric();
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws of the effects, to show how often each measure is chosen (0: none)", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draws", DefaultValueFactory = _ => 1 };
        var portfolioFormat = ListOutput.FormatOption();
        var cmd = new Command("portfolio", "The set of measures that removes the most risk within a budget, respecting prerequisites and exclusions (exact, CP-SAT)")
        {
            budget, metric, draws, seed, portfolioFormat,
        };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var text = parse.GetValue(budget);
            if (!MeasuresAnalysis.TryParseEuros(text, out var euros))
                throw CliException.Invalid("--budget", text, "a non-negative amount in euros such as 500m, 1.2bn, 750k or 2500000");
            if (parse.GetValue(draws) is < 0 or > 100_000)
                throw new CliException(ExitCodes.Invalid, $"--draws: {parse.GetValue(draws)} is outside 0 … 100 000.");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<MeasuresAnalysis>().PortfolioAsync(euros, ParseMetric(parse.GetValue(metric)), parse.GetValue(draws), parse.GetValue(seed), ct: ct);
            await Notes(io, result.Overview);
            var s = result.Selection;
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"Budget {Euros(euros)}: {s.ChosenMeasureIds.Count} of {result.Overview.Measures.Count} measures chosen, costing {Euros(s.CostEuros)}, removing {s.RiskReduction:0.###} {result.Overview.Unit}.");
            var share = result.Uncertainty?.Measures.ToDictionary(m => m.MeasureId, m => m.Share);
            var list = new ListOutput("measure", "title", "chosen", "cost_eur", "risk_reduction", "share_of_draws_chosen");
            foreach (var r in result.Overview.Measures)
                list.Add(r.Measure.Code, r.Measure.Title, s.ChosenMeasureIds.Contains(r.Measure.Code) ? "yes" : "no",
                    r.Model.Costs.NominalCost(result.Overview.Period).ToString("0", CultureInfo.InvariantCulture),
                    r.Appraisal.PresentValueRiskReduction.ToString("0.###", CultureInfo.InvariantCulture),
                    share?.TryGetValue(r.Measure.Code, out var part) == true ? part.ToString("0.###", CultureInfo.InvariantCulture) : "");
            // With --format: the measures alone, the summary on the error stream (the frontier stays in the default output).
            if (!string.IsNullOrWhiteSpace(parse.GetValue(portfolioFormat)))
            {
                await io.Err.WriteLineAsync(summary);
                list.Write(io, parse.GetValue(portfolioFormat));
                return ExitCodes.Ok;
            }
            await io.Out.WriteLineAsync(summary);
            await io.Out.WriteLineAsync("measure,title,chosen,cost_eur,risk_reduction,share_of_draws_chosen");
            foreach (var r in result.Overview.Measures)
            {
                var chosen = s.ChosenMeasureIds.Contains(r.Measure.Code);
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Measure.Code},{Csv(r.Measure.Title)},{(chosen ? "yes" : "no")},{r.Model.Costs.NominalCost(result.Overview.Period):0},{r.Appraisal.PresentValueRiskReduction:0.###},{(share?.TryGetValue(r.Measure.Code, out var sh) == true ? sh.ToString("0.###", CultureInfo.InvariantCulture) : "")}"));
            }
            if (result.Frontier.Points.Count > 0)
            {
                await io.Out.WriteLineAsync();
                await io.Out.WriteLineAsync("frontier_budget_eur,frontier_cost_eur,frontier_risk_reduction,frontier_measures");
                foreach (var p in result.Frontier.Points)
                    await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{p.BudgetEuros:0},{p.CostEuros:0},{p.RiskReduction:0.###},{string.Join(';', p.ChosenMeasureIds)}"));
            }
            if (result.Prevention is { } prevention)
            {
                await io.Err.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Prevention vs reaction (GBVS cites 1:{prevention.CitedRatio:0}): supported for {prevention.Supporting.Count()} scenario(s), not for {prevention.NotSupporting.Count()}."));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static readonly JsonSerializerOptions JsonLines = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>For people: the measure, its valuation and the median and spread of its NPV; scripts take csv or json for every column.</summary>
    private static void WriteTable(CommandIo io, IReadOnlyList<MeasureLine> rows)
    {
        var table = new ListOutput("measure", "title", "pillar", "status", "pv_cost_eur", "npv_eur", "npv_p05", "npv_p95", "p_npv_positive", "fragile");
        foreach (var r in rows)
            table.Add(r.Measure, r.Title, r.Pillar, r.Status, Number(r.PvCostEur), Number(r.NpvEur), Number(r.NpvP05), Number(r.NpvP95), Number(r.PNpvPositive), r.Fragile ? "yes" : "");
        table.Write(io, "table");
    }

    /// <summary>The header always, then one row per measure; numbers in invariant culture as the shortest text that round-trips.</summary>
    private static void WriteCsv(TextWriter output, IReadOnlyList<MeasureLine> rows)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteHeader(MeasureLine.Header);
        foreach (var r in rows)
        {
            csv.WriteRecord(
            [
                r.Measure, r.Title, r.Pillar, r.Type, r.Owner ?? "", r.Status, Number(r.PvCostEur), Number(r.PvRiskReduction), Number(r.NpvEur),
                Number(r.ReductionPerEur), Number(r.NpvP05), Number(r.NpvP50), Number(r.NpvP95), Number(r.PNpvPositive),
                Number(r.ReductionPerEurP05), Number(r.ReductionPerEurP50), Number(r.ReductionPerEurP95),
                r.Rule, r.Draws.ToString(CultureInfo.InvariantCulture), r.Fragile ? "true" : "false", r.FragileReason ?? "",
            ]);
        }
        csv.Flush();
    }

    /// <summary>The shortest text that round-trips: risk points per euro are tiny (1E-09) and must not print as 0.</summary>
    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static async Task Notes(CommandIo io, MeasuresOverview overview)
    {
        foreach (var p in overview.Problems) await io.Err.WriteLineAsync("Note: " + p);
        if (overview.Settings.Indicative && overview.Metric == RiskMetric.ExpectedAnnualDamage)
            await io.Err.WriteLineAsync("Note: the monetisation rates or appraisal settings are indicative (catalog/monetisation.json); results are orders of magnitude.");
        await io.Err.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Valued against {(overview.RunCode is null ? "no analysis run" : "analysis run " + overview.RunCode)}, {overview.Period.FirstYear}–{overview.Period.LastYear}, discount rate {overview.Period.DiscountRate:0.####}, classes valued at the {ValuationRuleComparison.Name(overview.Rule)} rule{(overview.Draws > 0 ? $", intervals over the run's first {overview.Draws} Monte Carlo draws" : "")}."));
    }

    private static RiskMetric ParseMetric(string? text) => text?.ToLowerInvariant() switch
    {
        "ead" or "euros" or "damage" => RiskMetric.ExpectedAnnualDamage,
        "points" or "risk-points" => RiskMetric.RiskPoints,
        _ => throw CliException.Invalid("--metric", text, "ead or points"),
    };

    internal static string Euros(double euros) => euros switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"€{euros / 1e9:0.##}bn"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"€{euros / 1e6:0.##}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"€{euros:0}"),
    };

    internal static string N(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    internal static string Csv(string? text) =>
        text is null ? "" : text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
