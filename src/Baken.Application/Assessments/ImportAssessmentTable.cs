using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Assessments;

public sealed record AssessmentImportSummary(int ScenariosCreated, int ScenariosUpdated, int AssessmentsCreated, int AssessmentsUpdated);

/// <summary>
/// Brings an assessment table (the spreadsheet format analysts work in) into the register: its scenarios and one
/// assessment per (scenario, analyst), in the analysts' own words. The whole table is validated first with the
/// method's rules; if anything is wrong, nothing is written. Re-importing updates; it never duplicates.
/// </summary>
public sealed class ImportAssessmentTable(IBakenDb db, ICurrentUser user, LoadAnalysisCatalogue catalogueLoader)
{
    /// <param name="progress">Told the fraction of records written so far (0 to 1); a job's progress throws when it is cancelled, which stops the import before anything is saved.</param>
    public async Task<Result<AssessmentImportSummary>> HandleAsync(IReadOnlyList<AssessmentRawRow> rows, CancellationToken ct = default, IProgress<double>? progress = null)
    {
        if (Permissions.Permission.Deny<AssessmentImportSummary>(user, Permissions.PermissionMatrix.Assessments, Permissions.PermissionAction.Import) is { } denied)
            return denied;
        // The scenarios the table names are catalogue content: an analyst's import uses them as they are and may not create them.
        var keepsCatalogue = Permissions.Permission.MayAtAll(user, Permissions.PermissionMatrix.Catalogue, Permissions.PermissionAction.Edit);
        var catalogue = await catalogueLoader.HandleAsync(ct);
        var read = new AssessmentTable(catalogue.Criteria, catalogue.Scales).Validate(rows);
        if (!read.IsValid)
            return Result<AssessmentImportSummary>.Invalid(read.Errors.Select(e => new FieldError(e.Field, e.Value, e.Rule, e.Line)).ToList());

        var header = rows[0].Cells.Select(h => h.Trim()).ToArray();
        string Cell(AssessmentRawRow r, string column)
        {
            var i = Array.FindIndex(header, h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
            return i < 0 || i >= r.Cells.Length ? "" : r.Cells[i].Trim();
        }

        var errors = new List<FieldError>();
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var writer = new RecordWriter(db, user, compartments);
        var scenarioRows = new Dictionary<string, (int Line, Dictionary<string, string?> Values)>(StringComparer.Ordinal);
        var assessmentRows = new List<(int Line, string Code, Dictionary<string, string?> Values)>();
        foreach (var row in rows.Skip(1).Where(r => !r.Cells.All(string.IsNullOrWhiteSpace)))
        {
            var scenario = Cell(row, "scenario_id");
            var theme = catalogue.ThemeCode(Cell(row, "theme"));
            if (!catalogue.ThemeNames.ContainsKey(theme))
                errors.Add(new FieldError("theme", Cell(row, "theme"), AllowedTexts.AssessmentsTheme.With(string.Join(", ", catalogue.ThemeNames.Keys)), row.Line));
            var classification = Cell(row, "classification");
            // A new scenario is marked at the lowest level among its rows, so every analyst who scored it can see it;
            // each assessment keeps its own marking, and the owner raises the scenario's when its text needs it.
            if (!scenarioRows.TryGetValue(scenario, out var existing) || Rank(classification) < Rank(existing.Values["classification"]))
                scenarioRows[scenario] = (row.Line, new Dictionary<string, string?>
                {
                    ["title"] = Cell(row, "scenario_title"), ["theme"] = catalogue.ThemeNames.ContainsKey(theme) ? theme : null, ["kind"] = Cell(row, "kind"),
                    ["classification"] = classification,
                    ["horizon_years"] = double.TryParse(Cell(row, "horizon_years"), System.Globalization.CultureInfo.InvariantCulture, out var h) ? ((int)Math.Round(h, MidpointRounding.AwayFromZero)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "5",
                });
            var scores = catalogue.Criteria.Where(c => Cell(row, c.Code).Length > 0).Select(c => new KeyValuePair<string, string>(c.Code, Cell(row, c.Code)));
            assessmentRows.Add((row.Line, $"{scenario}.{Cell(row, "analyst")}", new Dictionary<string, string?>
            {
                ["scenario"] = scenario, ["analyst"] = Cell(row, "analyst"), ["organisation"] = Cell(row, "organisation"),
                ["classification"] = classification, ["horizon_years"] = Cell(row, "horizon_years"), ["likelihood"] = Cell(row, "likelihood"),
                ["intent"] = Cell(row, "intent"), ["capability"] = Cell(row, "capability"), ["vulnerability"] = Cell(row, "vulnerability"),
                ["confidence"] = Cell(row, "confidence") is { Length: > 0 } c ? c.ToLowerInvariant() : null, ["override_reason"] = Cell(row, "override_reason"),
                ["scores"] = ScoreList.Format(scores),
            }));
            // The strength-of-knowledge columns are optional: a file without them leaves the stored scores as they are.
            foreach (var column in KnowledgePedigree.Columns.Where(c => header.Contains(c, StringComparer.OrdinalIgnoreCase)))
                assessmentRows[^1].Values[column] = Cell(row, column);
        }

        int scenariosCreated = 0, scenariosUpdated = 0, created = 0, updated = 0;
        // The records are most of the work; saving them all at once is the rest.
        double total = scenarioRows.Count + assessmentRows.Count + 1, done = 0;
        foreach (var (code, (line, values)) in scenarioRows)
        {
            progress?.Report(done++ / total);
            if (!RecordCode.IsValid(code)) { errors.Add(new FieldError("scenario_id", code, RecordCode.Rule, line)); continue; }
            writer.PendingCodes.Add(("scenario", code));
            var record = await db.Scenarios.FirstOrDefaultAsync(s => s.Code == code, ct);
            var isNew = record is null;
            if (isNew && await db.Scenarios.IgnoreQueryFilters().AnyAsync(s => s.Code == code, ct))
            {
                errors.Add(new FieldError("scenario_id", code, AllowedTexts.AssessmentsScenarioCodeNotAlready, line));
                continue;
            }
            if (!isNew && !keepsCatalogue) continue;
            record ??= new Domain.Register.Scenario();
            if (isNew) record.Recode(code);
            // An existing scenario keeps the marking its owner gave it; the rows only mark their own assessments.
            else values.Remove("classification");
            var e = await writer.ApplyAsync(RecordKinds.Scenario, record, values, isNew, line, ct);
            errors.AddRange(e);
            if (e.Count > 0) continue;
            if (isNew) { db.AddRecord(record); scenariosCreated++; } else scenariosUpdated++;
        }
        foreach (var (line, code, values) in assessmentRows)
        {
            progress?.Report(done++ / total);
            if (!RecordCode.IsValid(code)) { errors.Add(new FieldError("analyst", code, RecordCode.Rule, line)); continue; }
            var record = await db.Assessments.FirstOrDefaultAsync(a => a.Code == code, ct);
            var isNew = record is null;
            if (isNew && await db.Assessments.IgnoreQueryFilters().AnyAsync(a => a.Code == code, ct))
            {
                errors.Add(new FieldError("analyst", code, AllowedTexts.AssessmentsAssessmentCodeNotAlready, line));
                continue;
            }
            record ??= new Domain.Assessments.Assessment();
            if (isNew) record.Recode(code);
            var e = await writer.ApplyAsync(RecordKinds.Assessment, record, values, isNew, line, ct);
            errors.AddRange(e);
            if (e.Count > 0) continue;
            if (isNew) { db.AddRecord(record); created++; } else updated++;
        }
        if (writer.Refusals.Count > 0)
        {
            db.DiscardChanges();
            return Permissions.Permission.Refused<AssessmentImportSummary>(writer.Refusals);
        }
        if (errors.Count > 0)
        {
            db.DiscardChanges();
            return Result<AssessmentImportSummary>.Invalid(errors);
        }
        progress?.Report(done / total);
        await db.SaveChangesAsync(ct);
        return Result<AssessmentImportSummary>.Ok(new AssessmentImportSummary(scenariosCreated, scenariosUpdated, created, updated));
    }

    private static int Rank(string? classification) =>
        Domain.Security.ClassificationLevels.TryParse(classification, out var l) ? (int)l : -1;
}
