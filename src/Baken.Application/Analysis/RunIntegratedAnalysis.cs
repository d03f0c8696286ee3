using System.Globalization;
using System.Text.Json;
using Baken.Analysis.Risk;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Analysis;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Analysis;

/// <param name="Table">An assessment table to analyse without importing it (header row first); null analyses the register.</param>
/// <param name="TableName">The file the table came from, recorded with the run.</param>
/// <param name="AsClearance">Analyse and report only what this level may see (at most the caller's own clearance).</param>
/// <param name="Progress">Told the fraction of the Monte Carlo done, for a progress indicator; not part of the run.</param>
/// <param name="Official">Use only validated assessments of the register. Otherwise every visible assessment counts and a
/// run that used one that is not validated (or a file) is a concept run.</param>
public sealed record RunIntegratedAnalysisRequest(
    IReadOnlyList<AssessmentRawRow>? Table = null,
    string? TableName = null,
    string? Profile = null,
    double Factor = 3,
    int Iterations = 10_000,
    long Seed = 1,
    ClassificationLevel? AsClearance = null,
    double? DirichletConcentration = null,
    BandRounding BandRounding = BandRounding.Floor,
    ThreatRuleKind ThreatRule = ThreatRuleKind.GeometricMean,
    string CodeVersion = "",
    bool Store = true,
    IProgress<double>? Progress = null,
    bool Official = false);

/// <param name="Concept">The run used assessments that are not validated: every page and report says "concept".</param>
public sealed record AnalysisRunOutcome(string? RunCode, AnalysisResult Result, Classification Classification, AnalysisCatalogue Catalogue, bool Concept = false)
{
    /// <summary>What the run did beside the analysis itself, e.g. which compound scenarios it rescored from their parts.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Per scenario code: assessments left out because they lie above the run's ceiling (--as-clearance).</summary>
    public IReadOnlyDictionary<string, int> AssessmentsLeftOut { get; init; } = new Dictionary<string, int>();

    /// <summary>Null when the judgements were drawn as stated; otherwise how they were widened where knowledge is weak (<see cref="KnowledgeWideningOptions"/>).</summary>
    public string? KnowledgeWidening { get; init; }
}

/// <summary>
/// Runs the integrated analysis (METHODS §1) over the register's assessments or over a given assessment table,
/// limited to what the caller — or the lower --as-clearance level — may see, and stores the run with its inputs,
/// settings, seed and code version. The run is classified at the highest classification of what it used.
/// A run over the register first rescores every compound scenario from its parts' current assessments (a deterministic
/// pass), so a compound never carries the parts' judgements of an earlier run; the run's notes and provenance say so.
/// </summary>
public sealed class RunIntegratedAnalysis(IBakenDb db, ICurrentUser user, TimeProvider clock, LoadAnalysisCatalogue catalogueLoader,
    Cascades.CompoundScenarioScoring? compounds = null, KnowledgeWideningOptions? widening = null)
{
    public async Task<Result<AnalysisRunOutcome>> HandleAsync(RunIntegratedAnalysisRequest request, CancellationToken ct = default)
    {
        // A stored run becomes 'the latest analysis' for everyone; a run that is not stored is only a calculation.
        if (request.Store && Permissions.Permission.Deny<AnalysisRunOutcome>(user, Permissions.PermissionMatrix.AnalysisRuns, Permissions.PermissionAction.Create) is { } denied)
            return denied;
        if (request.AsClearance is { } asLevel && asLevel > user.Clearance)
            return Result<AnalysisRunOutcome>.Invalid(new FieldError("as-clearance", asLevel.DisplayName(), AllowedTexts.OwnClearance.With(user.Clearance.DisplayName())));
        var ceiling = request.AsClearance ?? user.Clearance;

        var catalogue = await catalogueLoader.HandleAsync(ct);
        PreferenceProfile profile;
        if (request.Profile is null) profile = catalogue.DefaultProfile;
        else if (catalogue.FindProfile(request.Profile) is { } found) profile = found;
        else return Result<AnalysisRunOutcome>.Invalid(new FieldError("profile", request.Profile,
            AllowedTexts.Kinds.With(string.Join(", ", catalogue.Profiles.Select(p => AnalysisCatalogue.ProfileCode(p) is { } c ? $"{c} ({p.Name})" : p.Name)))));

        if (request.Official && request.Table is not null)
            return Result<AnalysisRunOutcome>.Invalid(new FieldError("official", request.TableName ?? "input", AllowedTexts.AnalysisOfficialRunRegisterS));
        var (rows, lineCompartments, concept, widened) = request.Table is null ? await RegisterTableAsync(catalogue, request.Official, ct) : (request.Table, new Dictionary<int, long>(), true, null);
        var allRows = rows;
        var read = Read(rows, ceiling, catalogue, out rows);
        var compartments = Used(rows, lineCompartments);
        var leftOut = LeftOutPerScenario(allRows, rows);
        if (rows.Count <= 1)
            return Result<AnalysisRunOutcome>.Invalid(new FieldError("input", request.TableName ?? "register",
                request.Table is not null
                    ? (request.AsClearance is null ? AllowedTexts.AnalysisOneVisible : AllowedTexts.AnalysisOneVisibleAt.With(ceiling.DisplayName()))
                    // An empty register is where everyone starts: say what to do next, in a sentence.
                    : AllowedTexts.AnalysisNothingYet.With(request.AsClearance is null
                        ? (request.Official ? AllowedTexts.AnalysisNoValidated : AllowedTexts.AnalysisNoAssessment)
                        : (request.Official ? AllowedTexts.AnalysisNoValidatedAt : AllowedTexts.AnalysisNoAssessmentAt).With(ceiling.DisplayName()))));
        if (!read.IsValid)
            return Result<AnalysisRunOutcome>.Invalid(read.Errors.Select(e => new FieldError(e.Field, e.Value, e.Rule, e.Line)).ToList());

        IReadOnlyList<string> notes = [];
        if (request.Table is null && compounds is not null)
        {
            notes = await RescoreCompoundsAsync(read.Input!, profile, catalogue, request, compartments, ct);
            if (notes.Any(n => n.Contains(" rescored from", StringComparison.Ordinal)))
            {
                (rows, lineCompartments, concept, widened) = await RegisterTableAsync(catalogue, request.Official, ct);
                read = Read(rows, ceiling, catalogue, out rows);
                compartments = Used(rows, lineCompartments);
                if (!read.IsValid)
                    return Result<AnalysisRunOutcome>.Invalid(read.Errors.Select(e => new FieldError(e.Field, e.Value, e.Rule, e.Line)).ToList());
            }
        }
        var input = read.Input!;

        AnalysisSettings settings;
        AnalysisResult result;
        try
        {
            settings = new AnalysisSettings(profile.RestrictTo(input.Criteria.Select(c => c.Code)))
            {
                Factor = request.Factor,
                Iterations = request.Iterations,
                Seed = request.Seed,
                DirichletConcentration = request.DirichletConcentration,
                BandRounding = request.BandRounding,
                LikelihoodScale = catalogue.LikelihoodScale,
                ThreatRule = request.ThreatRule == ThreatRuleKind.Minimum ? ThreatLikelihoodRule.Minimum : ThreatLikelihoodRule.GeometricMean,
                SensitivityProfiles = catalogue.Profiles.Select(p => p.RestrictTo(input.Criteria.Select(c => c.Code))).ToList(),
                CodeVersion = request.CodeVersion,
            };
            result = IntegratedAnalysis.Run(input, settings, request.Progress);
        }
        catch (ArgumentException e)
        {
            return Result<AnalysisRunOutcome>.Invalid(new FieldError(e.ParamName ?? "settings", "", e.Message.Split(" (Parameter")[0]));
        }

        var classification = Classification.Highest(input.Scenarios.Select(s => new Classification((ClassificationLevel)s.ClassificationLevel, 0))
            .Append(new Classification(ClassificationLevel.Ongerubriceerd, compartments)));
        // Only the widened assessments that made it past the ceiling are named.
        var used = rows.Skip(1).Where(r => r.Cells.Length > 4).Select(r => r.Cells[0] + "." + r.Cells[4]).ToHashSet(StringComparer.Ordinal);
        var wideningNote = widened is null ? null : widening!.Describe(widened.Where(used.Contains).ToList());
        string? code = null;
        if (request.Store) code = await StoreAsync(request, rows, result, classification, concept, notes, wideningNote, ct);
        return Result<AnalysisRunOutcome>.Ok(new AnalysisRunOutcome(code, result, classification, catalogue, concept)
            { Notes = notes, AssessmentsLeftOut = leftOut, KnowledgeWidening = wideningNote });
    }

    /// <summary>The union of the compartments of the rows used (rows the ceiling left out do not mark the run).</summary>
    private static long Used(IReadOnlyList<AssessmentRawRow> rows, IReadOnlyDictionary<int, long> lineCompartments) =>
        rows.Skip(1).Aggregate(0L, (mask, r) => mask | lineCompartments.GetValueOrDefault(r.Line));

    /// <summary>
    /// Per scenario, how many of its assessments the ceiling left out: a scenario scored from fewer analysts than the
    /// register holds must say so wherever it is shown (METHODS §10), never pass as the full judgement.
    /// </summary>
    private static Dictionary<string, int> LeftOutPerScenario(IReadOnlyList<AssessmentRawRow> all, IReadOnlyList<AssessmentRawRow> kept)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (all.Count == 0) return counts;
        var column = Array.FindIndex(all[0].Cells, c => c.Trim().Equals("scenario_id", StringComparison.OrdinalIgnoreCase));
        if (column < 0) return counts;
        var keptLines = kept.Select(r => r.Line).ToHashSet();
        foreach (var r in all.Skip(1).Where(r => !keptLines.Contains(r.Line) && column < r.Cells.Length))
            counts[r.Cells[column].Trim()] = counts.GetValueOrDefault(r.Cells[column].Trim()) + 1;
        return counts;
    }

    /// <summary>The rows within the ceiling, checked against the catalogue, with themes as catalogue codes.</summary>
    private static AssessmentReadResult Read(IReadOnlyList<AssessmentRawRow> all, ClassificationLevel ceiling, AnalysisCatalogue catalogue, out IReadOnlyList<AssessmentRawRow> rows)
    {
        rows = WithinClearance(all, ceiling);
        var read = new AssessmentTable(catalogue.Criteria, catalogue.Scales).Validate(rows);
        return read.IsValid
            ? AssessmentReadResult.Success(read.Input! with { Scenarios = read.Input!.Scenarios.Select(s => s with { Theme = catalogue.ThemeCode(s.Theme) }).ToList() })
            : read;
    }

    /// <summary>
    /// Scores the parts deterministically (consensus of today's assessments, no Monte Carlo) and rescores every compound
    /// scenario from them. The compound's assessment is classified like the whole input, the highest of what went in.
    /// </summary>
    private async Task<IReadOnlyList<string>> RescoreCompoundsAsync(AnalysisInput input, PreferenceProfile profile, AnalysisCatalogue catalogue, RunIntegratedAnalysisRequest request,
        long compartments, CancellationToken ct)
    {
        if (!await db.Scenarios.AsNoTracking().AnyAsync(s => s.Components != null && s.Components != "", ct)) return [];
        AnalysisResult parts;
        try
        {
            parts = IntegratedAnalysis.Run(input, new AnalysisSettings(profile.RestrictTo(input.Criteria.Select(c => c.Code)))
            {
                Factor = request.Factor, Iterations = 0, BandRounding = request.BandRounding, LikelihoodScale = catalogue.LikelihoodScale,
                ThreatRule = request.ThreatRule == ThreatRuleKind.Minimum ? ThreatLikelihoodRule.Minimum : ThreatLikelihoodRule.GeometricMean,
            });
        }
        catch (ArgumentException e)
        {
            return [$"Compound scenarios not rescored: {e.Message.Split(" (Parameter")[0]}"];
        }
        var level = input.Scenarios.Select(s => (ClassificationLevel)s.ClassificationLevel).DefaultIfEmpty(ClassificationLevel.Ongerubriceerd).Max();
        return await compounds!.RescoreAllAsync(RunSummary.From(parts).ToDictionary(s => s.Id, StringComparer.Ordinal),
            "the current assessments of its parts", new Classification(level, compartments), ct);
    }

    /// <summary>
    /// The register's visible assessments (only the validated ones for an official run) as an assessment table, the union
    /// of their compartments, and whether any of them is not validated (a concept run).
    /// </summary>
    /// With the widening on (<see cref="KnowledgeWideningOptions"/>), the rows of assessments whose knowledge is weak are
    /// widened and their codes returned (null: the widening is off).
    private async Task<(IReadOnlyList<AssessmentRawRow> Rows, IReadOnlyDictionary<int, long> Compartments, bool Concept, IReadOnlyList<string>? Widened)> RegisterTableAsync(
        AnalysisCatalogue catalogue, bool official, CancellationToken ct)
    {
        var scenarios = await db.Scenarios.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var assessments = (await db.Assessments.AsNoTracking().ToListAsync(ct))
            .Where(a => scenarios.ContainsKey(a.ScenarioCode) && (!official || a.Status == Domain.Assessments.AssessmentStatus.Validated))
            .OrderBy(a => a.ScenarioCode, StringComparer.Ordinal).ThenBy(a => a.Analyst, StringComparer.Ordinal).ToList();
        var rows = new List<AssessmentRawRow> { new(0, StoredAssessmentRows.Header(catalogue.Criteria)) };
        // Per line, the compartments of its assessment and scenario: a run carries those of the rows it used only.
        var compartments = new Dictionary<int, long>();
        var widen = widening is { WidenForWeakKnowledge: true };
        var widened = new List<string>();
        foreach (var a in assessments)
        {
            var s = scenarios[a.ScenarioCode];
            compartments[rows.Count] = a.CompartmentMask | s.CompartmentMask;
            var weak = widen && KnowledgeWidening.IsWeak(widening!.WeakKnowledgeAtMost, a.KnowledgeEvidence, a.KnowledgeAgreement, a.KnowledgeUnderstanding);
            if (weak) widened.Add(a.ScenarioCode + "." + a.Analyst);
            rows.Add(StoredAssessmentRows.Row(rows.Count, s, a, catalogue.Criteria, widenBy: weak ? widening!.WideningSteps : 0));
        }
        return (rows, compartments, assessments.Any(a => a.Status != Domain.Assessments.AssessmentStatus.Validated), widen ? widened : null);
    }

    /// <summary>Keeps the header and the rows whose classification the ceiling allows (rows with an unreadable one stay, to be reported).</summary>
    private static IReadOnlyList<AssessmentRawRow> WithinClearance(IReadOnlyList<AssessmentRawRow> rows, ClassificationLevel ceiling)
    {
        if (rows.Count == 0) return rows;
        var column = Array.FindIndex(rows[0].Cells, c => c.Trim().Equals("classification", StringComparison.OrdinalIgnoreCase));
        if (column < 0) return rows;
        return rows.Take(1).Concat(rows.Skip(1).Where(r =>
            column >= r.Cells.Length || !ClassificationLevels.TryParse(r.Cells[column], out var level) || level <= ceiling)).ToList();
    }

    private async Task<string> StoreAsync(RunIntegratedAnalysisRequest request, IReadOnlyList<AssessmentRawRow> rows, AnalysisResult result,
        Classification classification, bool concept, IReadOnlyList<string> notes, string? wideningNote, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = $"RUN-{now:yyyyMMdd-HHmmss}";
        for (var n = 2; await db.AnalysisRuns.IgnoreQueryFilters().AnyAsync(r => r.Code == code, ct); n++) code = $"RUN-{now:yyyyMMdd-HHmmss}-{n}";
        var run = new AnalysisRun
        {
            RunAtUtc = now,
            Profile = result.Settings.Profile,
            Factor = result.Settings.Factor,
            Iterations = result.Settings.Iterations,
            Seed = result.Settings.Seed,
            CodeVersion = request.CodeVersion,
            InputSource = request.TableName ?? "register",
            ScenarioCount = result.Scenarios.Count,
            InputsJson = JsonSerializer.Serialize(rows.Select(r => r.Cells)),
            SettingsJson = JsonSerializer.Serialize(result.Settings, RunSummary.JsonOptions),
            ResultsJson = JsonSerializer.Serialize(RunSummary.From(result), RunSummary.JsonOptions),
            Concept = concept,
            KnowledgeWidening = wideningNote,
            // Which register assessments went in (scenario in column 0, analyst in column 4 of a stored row), so the blind
            // round's rule can hide the run from a reader who may not yet see one of them.
            AssessmentCodes = request.Table is null
                ? string.Join(';', rows.Skip(1).Where(r => r.Cells.Length > 4).Select(r => r.Cells[0] + "." + r.Cells[4]).Distinct(StringComparer.Ordinal))
                : "",
        };
        run.Recode(code);
        run.Classify(classification);
        run.Provenance = request.TableName is null ? "register" : $"file {Path.GetFileName(request.TableName)}";
        if (notes.Count > 0) run.Provenance += "; " + string.Join(" ", notes);
        db.AddRecord(run);
        await db.SaveChangesAsync(ct);
        return code;
    }
}
