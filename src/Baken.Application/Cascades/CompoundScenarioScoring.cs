using System.Globalization;
using Baken.Methods.Cascades.Compound;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain;
using Baken.Domain.Register;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Cascades;

public sealed record CompoundScoring(string Scenario, string AssessmentCode, CompoundScenarioResult Result, ImpactClass Likelihood);

/// <summary>
/// Scores a compound scenario (METHODS §2) from its parts as the latest analysis run judged them: quantitative criteria
/// add the parts' representative quantities and class the sum on the criterion's scale, ladder criteria take the
/// highest class, and the likelihood follows the stated dependence. The result is written as an assessment of the
/// compound scenario (analyst 'compound'), so the next run scores it and places it in the risk diagram like any other.
/// </summary>
public sealed class CompoundScenarioScoring(IBakenDb db, LoadAnalysisCatalogue catalogueLoader, SaveRecord save)
{
    public const string DependenceAllowed = "Compound scenario: 'independent' (default), or 'conditional P2;P3…' with the probability of each part after the first given the ones before (0–1)";

    /// <summary>
    /// The text form of a compound scenario's dependence (import, export, command line, the web form): 'independent' or
    /// 'conditional 0.3;0.5'; null when none is stated. A text that cannot be read is a field error.
    /// </summary>
    public static CompoundDependence? ParseDependence(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t)) return null;
        if (t == "independent") return CompoundDependence.Independent;
        if (t.StartsWith("conditional", StringComparison.Ordinal))
        {
            var values = new List<double>();
            foreach (var part in t["conditional".Length..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !(p >= 0 && p <= 1))
                    throw new DomainValidationException("dependence", text!, AllowedTexts.CascadesDependence);
                values.Add(p);
            }
            if (values.Count > 0) return new CompoundDependence(DependenceKind.Conditional, values);
        }
        throw new DomainValidationException("dependence", text!, AllowedTexts.CascadesDependence);
    }

    /// <summary>The text form of a dependence: 'independent' or 'conditional 0.3;0.5'; null when none is stated.</summary>
    public static string? FormatDependence(CompoundDependence? dependence) => dependence switch
    {
        null => null,
        { Kind: DependenceKind.Independent } => "independent",
        _ => "conditional " + string.Join(";", dependence.Conditional.Select(p => p.ToString("R", CultureInfo.InvariantCulture))),
    };

    public async Task<Result<CompoundScoring>> HandleAsync(string scenarioCode, CancellationToken ct = default)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Code == scenarioCode, ct);
        if (scenario is null) return Result<CompoundScoring>.NotFound(AllowedTexts.NoScenario.With(scenarioCode));
        if (Check(scenario) is { } invalid) return invalid;
        var run = await db.AnalysisRuns.AsNoTracking().OrderByDescending(r => r.RunAtUtc).FirstOrDefaultAsync(ct);
        if (run is null) return Result<CompoundScoring>.Invalid([new FieldError("analysis", "", AllowedTexts.CascadesAnalysisRunScoredParts)]);
        var stored = RunSummary.Parse(run.ResultsJson).ToDictionary(s => s.Id, StringComparer.Ordinal);
        return await ScoreAsync(scenario, stored, $"run {run.Code}", new Classification(run.ClassificationLevel, run.CompartmentMask), ct);
    }

    /// <summary>
    /// Rescores every compound scenario the user may see whose parts are all in <paramref name="scored"/> (a deterministic
    /// pass over the current assessments, made by an analysis run before it starts): so a compound never keeps the
    /// parts' judgements of an earlier run. Returns one line per compound, saying what was rescored or why not.
    /// </summary>
    public async Task<IReadOnlyList<string>> RescoreAllAsync(IReadOnlyDictionary<string, ScenarioSummary> scored, string basis, Classification classification,
        CancellationToken ct = default)
    {
        var notes = new List<string>();
        var compounds = (await db.Scenarios.AsNoTracking().Where(s => s.Components.Count > 0).ToListAsync(ct))
            .OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        foreach (var scenario in compounds)
        {
            var result = Check(scenario) ?? await ScoreAsync(scenario, scored, basis, classification, ct);
            notes.Add(result.IsOk
                ? $"Compound scenario {scenario.Code} rescored from its parts' current assessments ({string.Join(";", scenario.Components)}): likelihood {result.Value!.Likelihood}, {string.Join(" ", result.Value.Result.Criteria.Select(c => $"{c.Criterion} {c.Class}"))}."
                : $"Compound scenario {scenario.Code} not rescored: {string.Join("; ", result.Errors.Select(e => $"{e.Field} '{e.Value}' needs {e.Allowed}"))}{result.Message}.");
        }
        return notes;
    }

    private static Result<CompoundScoring>? Check(Scenario scenario)
    {
        var parts = scenario.Components;
        if (parts.Count < 2) return Result<CompoundScoring>.Invalid([new FieldError("components", string.Join(";", parts), AllowedTexts.CascadesTwoMoreScenarioCodes)]);
        if (string.IsNullOrWhiteSpace(scenario.ThemeCode))
            return Result<CompoundScoring>.Invalid([new FieldError("theme", "", AllowedTexts.CascadesThemeCompoundScenarioSo)]);
        return null;
    }

    /// <param name="scored">The parts as an analysis scored them: consensus class per criterion and likelihood class.</param>
    /// <param name="basis">Where the parts' scores come from, for the rationale ("run RUN-…").</param>
    /// <param name="classification">The classification of the parts' judgements, given to the compound's assessment.</param>
    private async Task<Result<CompoundScoring>> ScoreAsync(Scenario scenario, IReadOnlyDictionary<string, ScenarioSummary> scored, string basis,
        Classification classification, CancellationToken ct)
    {
        var parts = scenario.Components;
        var missing = parts.Where(p => !scored.ContainsKey(p)).ToList();
        if (missing.Count > 0) return Result<CompoundScoring>.Invalid([new FieldError("components", string.Join(";", missing), AllowedTexts.CascadesScoredIn.With(basis))]);
        var stored = scored;
        var catalogue = await catalogueLoader.HandleAsync(ct);
        var likelihoodScale = catalogue.LikelihoodScale;
        var scenarioParts = parts.Select(code =>
        {
            var s = stored[code];
            ImpactClasses.TryParse(s.Likelihood, out var l);
            var p = l == ImpactClass.X ? 0 : MeasureBaselines.RepresentativeProbability(likelihoodScale, l);
            var scores = s.Consensus.Select(c =>
            {
                ImpactClasses.TryParse(c.Value, out var k);
                var quantity = catalogue.Scales.GetValueOrDefault(c.Key) is { } scale && k != ImpactClass.X ? MeasureBaselines.RepresentativeQuantity(scale, k) : null;
                return new CriterionScore(c.Key, k.ToString()[0], quantity ?? (k == ImpactClass.X ? 0 : null));
            }).ToList();
            return new ScenarioPart(code, p, scores);
        }).ToList();
        var criteria = scenarioParts.SelectMany(p => p.Scores.Select(s => s.Criterion)).Distinct().ToList();
        var rules = criteria.Select(c => catalogue.Scales.GetValueOrDefault(c) is { IsQuantitative: true } scale
            ? new CriterionRule(c, CriterionCombination.SumThenReclass, new ClassLowerBounds(scale.LowerBounds))
            : new CriterionRule(c, CriterionCombination.MaxClass)).ToList();
        CompoundScenarioResult result;
        try { result = CompoundScenario.Combine(scenarioParts, rules, (scenario.Dependence ?? CompoundDependence.Independent).ToAssumption()); }
        catch (ArgumentException e) { return Result<CompoundScoring>.Invalid([new FieldError("components", string.Join(";", scenario.Components), Domain.ValidationMessage.Verbatim(e.Message.Split(" (Parameter")[0]))]); }

        var likelihood = result.Probability > 0 ? likelihoodScale.Classify(result.Probability).Class : ImpactClass.X;
        var code = $"{scenario.Code}-COMPOUND";
        var exists = await db.Assessments.AsNoTracking().AnyAsync(a => a.Code == code, ct);
        var values = new Dictionary<string, string?>
        {
            ["scenario"] = scenario.Code, ["analyst"] = "compound", ["organisation"] = "Baken",
            ["likelihood"] = (result.Probability * 100).ToString("0.######", CultureInfo.InvariantCulture) + "%",
            ["scores"] = string.Join(";", result.Criteria.Select(c => $"{c.Criterion}={c.Class}")),
            ["rationale"] = $"Compound of {string.Join(", ", parts)} from {basis}. Likelihood: {result.LikelihoodExplanation}\n"
                            + string.Join("\n", result.Criteria.Select(c => $"{c.Criterion}: {c.Explanation}")),
            // The assessment is classified like the parts' judgements it comes from.
            ["classification"] = classification.Level.ToString(),
            ["compartments"] = string.Join(";", (await CompartmentDirectory.LoadAsync(db, ct)).Names(classification.CompartmentMask)),
        };
        var saved = await save.HandleAsync(new SaveRecordRequest("assessment", code, values, exists ? SaveMode.Update : SaveMode.Create), ct);
        if (!saved.IsOk) return Result<CompoundScoring>.Invalid(saved.Errors.Count > 0 ? saved.Errors : [new FieldError("assessment", code, saved.Said)]);
        return Result<CompoundScoring>.Ok(new CompoundScoring(scenario.Code, code, result, likelihood));
    }
}
