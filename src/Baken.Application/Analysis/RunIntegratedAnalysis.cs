using System.Globalization;
using System.Text.Json;
using Baken.Methods.Risk;
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

        // A register without a catalogue is a state to explain, not a failure of the server.
        if (!await db.Criteria.AnyAsync(c => !c.Retired, ct))
            return Result<AnalysisRunOutcome>.Invalid(new FieldError("catalogue", "", AllowedTexts.AnalysisNoCriteria));
        var catalogue = await catalogueLoader.HandleAsync(ct);
        PreferenceProfile profile;
        if (request.Profile is null) profile = catalogue.DefaultProfile;
        else if (catalogue.FindProfile(request.Profile) is { } found) profile = found;
        else return Result<AnalysisRunOutcome>.Invalid(new FieldError("profile", request.Profile,
            AllowedTexts.Kinds.With(string.Join(", ", catalogue.Profiles.Select(p => AnalysisCatalogue.ProfileCode(p) is { } c ? $"{c} ({p.Name})" : p.Name)))));

        if (request.Official && request.Table is not null)
            return Result<AnalysisRunOutcome>.Invalid(new FieldError("official", request.TableName ?? "input", AllowedTexts.AnalysisOfficialRunRegisterS));
        var source = request.Table is null ? await RegisterRowsAsync(catalogue, request.Official, ct) : TableRows(request.Table, catalogue);
        var (read, rows) = Read(source, ceiling, catalogue);
        var compartments = Used(rows, source.Compartments);
        var leftOut = LeftOutPerScenario(source.Rows, rows);
        // A table whose header cannot be read has no rows to count: it is 'nothing to analyse' only when it has no data rows.
        if (source.HeaderErrors.Count == 0 ? rows.Count == 0 : request.Table!.Count <= 1)
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
                source = await RegisterRowsAsync(catalogue, request.Official, ct);
                (read, rows) = Read(source, ceiling, catalogue);
                compartments = Used(rows, source.Compartments);
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
            return Result<AnalysisRunOutcome>.Invalid(new FieldError(e.ParamName ?? "settings", "", Domain.ValidationMessage.Verbatim(e.Message.Split(" (Parameter")[0])));
        }

        var classification = Classification.Highest(input.Scenarios.Select(s => new Classification((ClassificationLevel)s.ClassificationLevel, 0))
            .Append(new Classification(ClassificationLevel.Ongerubriceerd, compartments)));
        // Only the widened assessments that made it past the ceiling are named.
        var used = rows.Select(AssessmentCode).ToHashSet(StringComparer.Ordinal);
        var wideningNote = source.Widened is null ? null : widening!.Describe(source.Widened.Where(used.Contains).ToList());
        string? code = null;
        if (request.Store) code = await StoreAsync(request, Snapshot(request.Table, rows, catalogue), rows, result, classification, source.Concept, notes, wideningNote, ct);
        return Result<AnalysisRunOutcome>.Ok(new AnalysisRunOutcome(code, result, classification, catalogue, source.Concept)
            { Notes = notes, AssessmentsLeftOut = leftOut, KnowledgeWidening = wideningNote });
    }

    /// <summary>
    /// The rows to analyse and where they came from: a table's criteria (null: the register, every catalogue criterion) and
    /// header errors; per line the compartments of the register's records; whether a row is not validated (a concept run);
    /// which assessments were widened (null: the widening is off).
    /// </summary>
    private sealed record InputRows(
        IReadOnlyList<AssessmentRow> Rows,
        IReadOnlyList<Criterion>? Criteria,
        IReadOnlyList<AssessmentFileError> HeaderErrors,
        IReadOnlyDictionary<int, long> Compartments,
        bool Concept,
        IReadOnlyList<string>? Widened);

    private static InputRows TableRows(IReadOnlyList<AssessmentRawRow> table, AnalysisCatalogue catalogue)
    {
        var read = new AssessmentTable(catalogue.Criteria, catalogue.Scales).Read(table);
        return new InputRows(read.Rows, read.Criteria, read.Errors, new Dictionary<int, long>(), Concept: true, Widened: null);
    }

    private static string AssessmentCode(AssessmentRow row) => row.ScenarioId.Trim() + "." + row.Analyst.Trim();

    /// <summary>The union of the compartments of the rows used (rows the ceiling left out do not mark the run).</summary>
    private static long Used(IReadOnlyList<AssessmentRow> rows, IReadOnlyDictionary<int, long> lineCompartments) =>
        rows.Aggregate(0L, (mask, r) => mask | lineCompartments.GetValueOrDefault(r.Line));

    /// <summary>
    /// Per scenario, how many of its assessments the ceiling left out: a scenario scored from fewer analysts than the
    /// register holds must say so wherever it is shown (METHODS §10), never pass as the full judgement.
    /// </summary>
    private static Dictionary<string, int> LeftOutPerScenario(IReadOnlyList<AssessmentRow> all, IReadOnlyList<AssessmentRow> kept)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var keptLines = kept.Select(r => r.Line).ToHashSet();
        foreach (var r in all.Where(r => !keptLines.Contains(r.Line)))
            counts[r.ScenarioId.Trim()] = counts.GetValueOrDefault(r.ScenarioId.Trim()) + 1;
        return counts;
    }

    /// <summary>
    /// The rows within the ceiling (a row whose classification could not be read stays, to be reported), checked against
    /// the catalogue, with themes as catalogue codes.
    /// </summary>
    private static (AssessmentReadResult Read, IReadOnlyList<AssessmentRow> Rows) Read(InputRows source, ClassificationLevel ceiling, AnalysisCatalogue catalogue)
    {
        if (source.HeaderErrors.Count > 0) return (AssessmentReadResult.Failure(source.HeaderErrors), []);
        var rows = source.Rows.Where(r => r.Classification is not { } level || level <= ceiling).ToList();
        var read = new AssessmentInputBuilder(catalogue.Criteria, catalogue.Scales).Build(rows, source.Criteria);
        return (read.IsValid
            ? AssessmentReadResult.Success(read.Input! with { Scenarios = read.Input!.Scenarios.Select(s => s with { Theme = catalogue.ThemeCode(s.Theme) }).ToList() })
            : read, rows);
    }

    /// <summary>
    /// The run's input snapshot as an assessment table (header first), so that it reads back like a file
    /// (<see cref="StoredRunInputs"/>): a file's own rows within the ceiling, or the register's rows written as cells.
    /// </summary>
    private static IReadOnlyList<string[]> Snapshot(IReadOnlyList<AssessmentRawRow>? table, IReadOnlyList<AssessmentRow> rows, AnalysisCatalogue catalogue)
    {
        if (table is not null)
        {
            var lines = rows.Select(r => r.Line).ToHashSet();
            return table.Take(1).Concat(table.Skip(1).Where(r => lines.Contains(r.Line))).Select(r => r.Cells).ToList();
        }
        return rows.Select(r => AssessmentTable.Cells(r, catalogue.Criteria)).Prepend(AssessmentTable.Header(catalogue.Criteria)).ToList();
    }

    /// <summary>
    /// Scores the parts deterministically (consensus of today's assessments, no Monte Carlo) and rescores every compound
    /// scenario from them. The compound's assessment is classified like the whole input, the highest of what went in.
    /// </summary>
    private async Task<IReadOnlyList<string>> RescoreCompoundsAsync(AnalysisInput input, PreferenceProfile profile, AnalysisCatalogue catalogue, RunIntegratedAnalysisRequest request,
        long compartments, CancellationToken ct)
    {
        if (!await db.Scenarios.AsNoTracking().AnyAsync(s => s.Components.Count > 0, ct)) return [];
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
    /// The register's visible assessments (only the validated ones for an official run) as typed rows (lines 1, 2, …), the
    /// compartments of each line, and whether any of them is not validated (a concept run).
    /// With the widening on (<see cref="KnowledgeWideningOptions"/>), the rows of assessments whose knowledge is weak are
    /// widened and their codes returned (null: the widening is off).
    /// </summary>
    private async Task<InputRows> RegisterRowsAsync(AnalysisCatalogue catalogue, bool official, CancellationToken ct)
    {
        var scenarios = await db.Scenarios.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var assessments = (await db.Assessments.AsNoTracking().ToListAsync(ct))
            .Where(a => scenarios.ContainsKey(a.ScenarioCode) && (!official || a.Status == Domain.Assessments.AssessmentStatus.Validated))
            .OrderBy(a => a.ScenarioCode, StringComparer.Ordinal).ThenBy(a => a.Analyst, StringComparer.Ordinal).ToList();
        var rows = new List<AssessmentRow>();
        // Per line, the compartments of its assessment and scenario: a run carries those of the rows it used only.
        var compartments = new Dictionary<int, long>();
        var widen = widening is { WidenForWeakKnowledge: true };
        var widened = new List<string>();
        foreach (var a in assessments)
        {
            var s = scenarios[a.ScenarioCode];
            var line = rows.Count + 1;
            compartments[line] = a.CompartmentMask | s.CompartmentMask;
            var weak = widen && KnowledgeWidening.IsWeak(widening!.WeakKnowledgeAtMost, a.KnowledgeEvidence, a.KnowledgeAgreement, a.KnowledgeUnderstanding);
            if (weak) widened.Add(a.ScenarioCode + "." + a.Analyst);
            rows.Add(StoredAssessmentRows.Row(line, s, a, catalogue.Criteria, widenBy: weak ? widening!.WideningSteps : 0));
        }
        return new InputRows(rows, Criteria: null, HeaderErrors: [], compartments,
            assessments.Any(a => a.Status != Domain.Assessments.AssessmentStatus.Validated), widen ? widened : null);
    }

    private async Task<string> StoreAsync(RunIntegratedAnalysisRequest request, IReadOnlyList<string[]> snapshot, IReadOnlyList<AssessmentRow> rows, AnalysisResult result,
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
            InputsJson = JsonSerializer.Serialize(snapshot),
            SettingsJson = JsonSerializer.Serialize(result.Settings, RunSummary.JsonOptions),
            ResultsJson = JsonSerializer.Serialize(RunSummary.From(result), RunSummary.JsonOptions),
            Concept = concept,
            KnowledgeWidening = wideningNote,
            // Which register assessments went in, so the blind round's rule can hide the run from a reader who may not yet
            // see one of them.
            AssessmentCodes = request.Table is null ? [.. rows.Select(AssessmentCode).Distinct(StringComparer.Ordinal)] : [],
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
