using System.Globalization;
using System.Text.Json.Nodes;
using Baken.Methods.Cascades.Graph;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Cascades;

/// <param name="Quantity">Person-days (5.1) or euros (3.1) the cascade gives.</param>
/// <param name="Class">The class of that quantity on the criterion's scale.</param>
/// <param name="Explanation">How the quantity was reached and how it was classed.</param>
public sealed record CascadeScoreSuggestion(string Criterion, double Quantity, string Unit, ImpactClass Class, string Explanation);

public sealed record CascadeSuggestions(string Scenario, double HorizonHours, IReadOnlyList<CascadeScoreSuggestion> Scores, IReadOnlyList<string> Notes);

/// <summary>
/// Suggests scores for 5.1 (disruption of daily life) and 3.1 (costs) from the scenario's initial disruptions: the
/// disruption is simulated over the dependency network, each process's inoperability-hours are weighed with the
/// people and euros an hour of it touches (catalogue kind cascade_impact, indicative), and the sums are classed on the
/// criteria's scales. Suggestions are only suggestions: they enter an analyst's assessment when that analyst, or a
/// coordinator in their name (attributed in the rationale), accepts them; an own judgement that differs is never
/// overwritten silently — accepting then asks to replace it explicitly and keeps it in the rationale.
/// </summary>
public sealed class SuggestCascadeScores(IBakenDb db, LoadDependencyNetwork network, LoadAnalysisCatalogue catalogue, SaveRecord save, ICurrentUser user)
{
    public async Task<Result<CascadeSuggestions>> HandleAsync(string scenarioCode, CancellationToken ct = default)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Code == scenarioCode, ct);
        if (scenario is null) return Result<CascadeSuggestions>.NotFound(AllowedTexts.NoScenario.With(scenarioCode));
        var disruptions = scenario.Disruptions.Select(d => new InitialDisruption(d.Process, 0, d.Hours, d.Severity)).ToList();
        if (disruptions.Count == 0)
            return Result<CascadeSuggestions>.Invalid([new FieldError("disruptions", "", AllowedTexts.CascadesInitialDisruptionsScenarioFirst)]);
        var loaded = await network.HandleAsync(ct);
        var notes = loaded.Problems.ToList();
        if (loaded.IndicativeEdges > 0) notes.Add($"{loaded.IndicativeEdges} of the dependencies are indicative placeholders.");
        var horizon = Math.Max(168, disruptions.Max(d => d.DurationHours) * 3);
        DisruptionSimulationResult run;
        try { run = DisruptionSimulation.Run(loaded.Network, disruptions, horizon, 1); }
        catch (ArgumentException e) { return Result<CascadeSuggestions>.Invalid([new FieldError("disruptions", ScenarioDisruptions.Format(scenario.Disruptions) ?? "", Domain.ValidationMessage.Verbatim(e.Message.Split(" (Parameter")[0]))]); }

        var impact = (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "cascade_impact").ToListAsync(ct))
            .Select(e => JsonNode.Parse(e.AttributesJson) as JsonObject ?? [])
            .Where(a => (string?)a["category"] is not null)
            .ToDictionary(a => (string)a["category"]!, a => (People: (double?)a["people"] ?? 0, Euros: (double?)a["euros_per_hour"] ?? 0));
        if (impact.Count == 0) return Result<CascadeSuggestions>.Invalid([new FieldError("cascade_impact", "", AllowedTexts.CascadesCatalogueEntriesKindCascade)]);
        var categories = await db.VitalProcesses.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Category.ToString(), ct);

        double personDays = 0, euros = 0;
        var parts = new List<string>();
        foreach (var p in run.Processes.Where(p => p.CumulativeImpactHours > 0).OrderByDescending(p => p.CumulativeImpactHours))
        {
            if (!categories.TryGetValue(p.Process.Code, out var category) || !impact.TryGetValue(category, out var per)) continue;
            personDays += per.People * p.CumulativeImpactHours / 24;
            euros += per.Euros * p.CumulativeImpactHours;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Process.Code} {p.CumulativeImpactHours:0.#} h ({category})"));
        }
        var scales = (await catalogue.HandleAsync(ct)).Scales;
        var basis = $"inoperability-hours over {horizon:0} h: {string.Join(", ", parts.Take(8))}{(parts.Count > 8 ? ", …" : "")}";
        var scores = new List<CascadeScoreSuggestion>();
        foreach (var (criterion, quantity, unit) in new[] { ("5.1", personDays, "people×days"), ("3.1", euros, "EUR") })
        {
            if (scales.GetValueOrDefault(criterion) is not { IsQuantitative: true } scale) { notes.Add($"Criterion {criterion} has no quantitative scale; no suggestion."); continue; }
            var classed = quantity > 0 ? scale.Classify(quantity) : new ScaleClassification(ImpactClass.X, "no impact");
            scores.Add(new CascadeScoreSuggestion(criterion, quantity, unit, classed.Class,
                string.Create(CultureInfo.InvariantCulture, $"{quantity:N0} {unit} from {basis} (cascade_impact, indicative); {classed.Explanation}")));
        }
        return Result<CascadeSuggestions>.Ok(new CascadeSuggestions(scenario.Code, horizon, scores, notes));
    }

    /// <summary>
    /// Writes the suggested classes into the analyst's assessment, with the derivation in the rationale. Only the
    /// assessment's analyst or a coordinator may accept (a coordinator is named in the rationale). Where the analyst's own
    /// judgement of a criterion differs from the suggestion (a class, range or quantity such as "€8 bn"), the result is a
    /// conflict that shows both side by side, unless <paramref name="replaceOwn"/> says to replace it; the replaced
    /// judgement stays in the rationale.
    /// </summary>
    public async Task<Result<RecordView>> AcceptAsync(CascadeSuggestions suggestions, string assessmentCode, bool replaceOwn = false, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Code == assessmentCode && a.ScenarioCode == suggestions.Scenario, ct);
        if (assessment is null) return Result<RecordView>.NotFound(AllowedTexts.CascadesNoAssessment.With(assessmentCode, suggestions.Scenario));
        var own = string.Equals(user.UserName, assessment.Analyst, StringComparison.OrdinalIgnoreCase);
        if (!own && !user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.Administrator))
            return Result<RecordView>.Forbidden(AllowedTexts.CascadesAcceptOwnOrCoordinator.With(assessment.Analyst, assessmentCode));
        var scores = assessment.Scores.ToDictionary(s => s.Criterion, s => s.Judgement, StringComparer.Ordinal);
        var differing = suggestions.Scores
            .Where(s => scores.TryGetValue(s.Criterion, out var mine) && !string.IsNullOrWhiteSpace(mine) && !string.Equals(mine.Trim(), s.Class.ToString(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (differing.Count > 0 && !replaceOwn)
            return Result<RecordView>.Conflict(AllowedTexts.CascadesOwnJudgement.With(assessmentCode, assessment.Analyst,
                AllowedTexts.List([.. differing.Select(s => AllowedTexts.CascadesOwnBesideSuggested.With(s.Criterion, scores[s.Criterion], s.Class.ToString(), s.Quantity, s.Unit))])));
        var by = own ? $"accepted by analyst {assessment.Analyst}" : $"accepted by coordinator {user.UserName} for analyst {assessment.Analyst}";
        var lines = suggestions.Scores.Select(s => $"{s.Criterion} {by} from the cascade simulation: {s.Explanation}"
            + (differing.Contains(s) ? $" (replaces the own judgement '{scores[s.Criterion]}')" : "")).ToList();
        foreach (var s in suggestions.Scores) scores[s.Criterion] = s.Class.ToString();
        var rationale = string.Join("\n", new[] { assessment.Rationale }.Concat(lines).Where(t => !string.IsNullOrWhiteSpace(t)));
        return await save.HandleAsync(new SaveRecordRequest("assessment", assessmentCode, new Dictionary<string, string?>
        {
            ["scores"] = ScoreList.Format(scores), ["rationale"] = rationale,
        }, SaveMode.Update), ct);
    }

    /// <summary>Keeps the analyst's own scores and records why the suggestion was not taken; a reason is required.</summary>
    public async Task<Result<RecordView>> OverrideAsync(CascadeSuggestions suggestions, string assessmentCode, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return Result<RecordView>.Invalid([new FieldError("reason", reason ?? "", AllowedTexts.CascadesWhyAnalystSOwn)]);
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Code == assessmentCode && a.ScenarioCode == suggestions.Scenario, ct);
        if (assessment is null) return Result<RecordView>.NotFound(AllowedTexts.CascadesNoAssessment.With(assessmentCode, suggestions.Scenario));
        var note = string.Join("\n", suggestions.Scores.Select(s => $"{s.Criterion}: cascade suggestion {s.Class} not taken — {reason.Trim()}"));
        var rationale = string.IsNullOrWhiteSpace(assessment.Rationale) ? note : assessment.Rationale + "\n" + note;
        return await save.HandleAsync(new SaveRecordRequest("assessment", assessmentCode, new Dictionary<string, string?> { ["rationale"] = rationale }, SaveMode.Update), ct);
    }
}
