using System.Globalization;
using Baken.Methods.Risk;
using Baken.Domain;
using Baken.Domain.Security;

namespace Baken.Application.Assessments;

/// <summary>One row of an assessment table: its line in the source (file line, sheet row or stored record) and its cells.</summary>
public sealed record AssessmentRawRow(int Line, string[] Cells);

/// <summary>
/// Reads an assessment table (a CSV or XLSX file, or a stored run's input snapshot; issue 3 "Assessment file format"):
/// one row per (scenario, analyst) with the columns scenario_id, scenario_title, theme, kind (hazard|threat), analyst,
/// organisation, classification, horizon_years, likelihood, intent, capability, vulnerability, then one column per
/// criterion code. Optional columns: confidence (low|medium|high) and override_reason.
/// <para>
/// The cells become typed <see cref="AssessmentRow"/>s (horizon_years: a number, empty means 5; kind, classification and
/// confidence by name), which <see cref="AssessmentInputBuilder"/> turns into the analysis input by the same rules as the
/// register's assessments (the cell rules are documented there).
/// </para>
/// <para>
/// Every row is validated before anything is returned; the result holds either the <see cref="AnalysisInput"/> or all
/// errors, each naming the line, column, value and what is allowed. Header names are case-insensitive. CSV files may
/// use comma, semicolon or tab as delimiter. In XLSX the first sheet is read and the line is the sheet row.
/// </para>
/// </summary>
public sealed class AssessmentTable
{
    /// <summary>The fixed columns, in the documented order.</summary>
    public static readonly IReadOnlyList<string> FixedColumns =
    [
        "scenario_id", "scenario_title", "theme", "kind", "analyst", "organisation", "classification",
        "horizon_years", "likelihood", "intent", "capability", "vulnerability",
    ];

    /// <summary>Optional extra columns.</summary>
    public static readonly IReadOnlyList<string> OptionalColumns = ["confidence", "override_reason"];

    private readonly AssessmentInputBuilder _builder;

    /// <param name="criteria">The known criteria (code and interest) of the current catalogue edition.</param>
    /// <param name="scales">The scale of every known criterion, keyed by criterion code.</param>
    public AssessmentTable(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, ImpactClassScale> scales) =>
        _builder = new AssessmentInputBuilder(criteria, scales);

    /// <summary>Reads and validates the table: the analysis input, or every error of the header or the rows.</summary>
    public AssessmentReadResult Validate(IReadOnlyList<AssessmentRawRow> rows)
    {
        var read = Read(rows);
        if (read.Errors.Count > 0) return AssessmentReadResult.Failure(read.Errors);
        if (rows.Count == 1)
            return AssessmentReadResult.Failure([new AssessmentFileError(2, "scenario_id", string.Empty, AssessmentFileRules.NoRowsRule)]);
        return _builder.Build(read.Rows, read.Criteria);
    }

    /// <summary>
    /// The table's criteria and its rows as typed rows (rows of empty cells left out), or the header's errors. A cell
    /// that cannot be read is a problem of its row (<see cref="AssessmentRow.Problems"/>), told when the row is built.
    /// </summary>
    public AssessmentTableRows Read(IReadOnlyList<AssessmentRawRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var criteria = _builder.Criteria;
        var errors = new List<AssessmentFileError>();
        if (rows.Count == 0)
        {
            errors.Add(new AssessmentFileError(1, "header", string.Empty,
                AssessmentFileRules.EmptyFileRule.With(string.Join(", ", FixedColumns))));
            return new AssessmentTableRows([], [], errors);
        }

        var header = rows[0];
        var columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var criterionColumns = new List<(Criterion Criterion, int Index)>();
        var known = criteria.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = header.Cells[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0)
            {
                errors.Add(new AssessmentFileError(header.Line, $"column {i + 1}", string.Empty, AssessmentFileRules.EmptyHeaderRule));
                continue;
            }
            if (!columnIndex.TryAdd(name, i))
            {
                errors.Add(new AssessmentFileError(header.Line, name, name, AssessmentFileRules.TwiceRule));
                continue;
            }
            if (FixedColumns.Contains(name, StringComparer.OrdinalIgnoreCase) || OptionalColumns.Contains(name, StringComparer.OrdinalIgnoreCase)
                || KnowledgePedigree.Columns.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            if (known.TryGetValue(name, out var criterion))
            {
                criterionColumns.Add((criterion, i));
            }
            else
            {
                errors.Add(new AssessmentFileError(header.Line, name, name,
                    AssessmentFileRules.UnknownColumnRule.With(string.Join(", ", criteria.Select(c => c.Code)), string.Join(", ", FixedColumns), string.Join(", ", OptionalColumns.Concat(KnowledgePedigree.Columns)))));
            }
        }
        foreach (var required in FixedColumns)
        {
            if (!columnIndex.ContainsKey(required))
                errors.Add(new AssessmentFileError(header.Line, required, string.Empty, AssessmentFileRules.MissingColumnRule.With(required)));
        }
        if (criterionColumns.Count == 0 && errors.Count == 0)
            errors.Add(new AssessmentFileError(header.Line, "header", string.Join(",", header.Cells), AssessmentFileRules.NoCriteriaRule.With(string.Join(", ", criteria.Select(c => c.Code)))));
        if (errors.Count > 0) return new AssessmentTableRows([], [], errors);

        // Keep criteria in catalogue order whatever the column order.
        var analysed = criteria.Where(c => criterionColumns.Any(k => k.Criterion.Code == c.Code)).ToList();
        // Spreadsheets often leave rows of empty cells (",,,,") below the data; they carry nothing to read.
        var typed = rows.Skip(1).Where(r => !r.Cells.All(string.IsNullOrWhiteSpace)).Select(r => FromCells(r, columnIndex, criterionColumns)).ToList();
        return new AssessmentTableRows(analysed, typed, []);
    }

    private static AssessmentRow FromCells(AssessmentRawRow row, Dictionary<string, int> columns, List<(Criterion Criterion, int Index)> criterionColumns)
    {
        string Cell(string column) =>
            columns.TryGetValue(column, out var i) && i < row.Cells.Length ? row.Cells[i].Trim() : string.Empty;
        var problems = new List<AssessmentFileError>();
        void Problem(string field, string value, ValidationMessage message) => problems.Add(new AssessmentFileError(row.Line, field, value, message));

        var kind = AssessmentRow.ReadKind(Cell("kind"));
        if (kind is null) Problem("kind", Cell("kind"), AssessmentFileRules.KindRule);
        ClassificationLevel? level = ClassificationLevels.TryParse(Cell("classification"), out var parsed) ? parsed : null;
        if (level is null) Problem("classification", Cell("classification"), AssessmentFileRules.ClassificationRule.With(ClassificationLevels.Rule));
        var horizon = AssessmentRow.ReadHorizon(Cell("horizon_years"));
        if (horizon is null) Problem("horizon_years", Cell("horizon_years"), AssessmentFileRules.HorizonRule);
        if (!AssessmentRow.TryReadConfidence(Cell("confidence"), out var confidence))
            Problem("confidence", Cell("confidence"), AssessmentFileRules.ConfidenceRule);

        return new AssessmentRow(row.Line, Cell("scenario_id"), Cell("scenario_title"), Cell("theme"), kind, Cell("analyst"), Cell("organisation"),
            level, horizon, Cell("likelihood"), Cell("intent"), Cell("capability"), Cell("vulnerability"), confidence, Cell("override_reason"),
            criterionColumns.Select(c => new CriterionJudgement(c.Criterion.Code, c.Index < row.Cells.Length ? row.Cells[c.Index].Trim() : string.Empty)).ToList())
        { Problems = problems };
    }

    /// <summary>The header of a table as <see cref="Cells"/> writes its rows: the fixed and optional columns, then the criteria.</summary>
    public static string[] Header(IReadOnlyList<Criterion> criteria) =>
        FixedColumns.Concat(OptionalColumns).Concat(criteria.Select(c => c.Code)).ToArray();

    /// <summary>
    /// A typed row written back as table cells under <see cref="Header"/>: only where a table is the form asked for (a stored
    /// run's input snapshot, read again by <see cref="Validate"/>), never to analyse the register.
    /// </summary>
    public static string[] Cells(AssessmentRow row, IReadOnlyList<Criterion> criteria)
    {
        var scores = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in row.Scores) scores.TryAdd(s.Criterion, s.Judgement);
        return
        [
            row.ScenarioId, row.ScenarioTitle, row.Theme, row.Kind is { } k ? AssessmentRow.KindText(k) : "", row.Analyst, row.Organisation,
            row.Classification?.DisplayName() ?? "", row.HorizonYears?.ToString(CultureInfo.InvariantCulture) ?? "",
            row.Likelihood, row.Intent, row.Capability, row.Vulnerability, row.Confidence?.ToString().ToLowerInvariant() ?? "", row.OverrideReason,
            .. criteria.Select(c => scores.GetValueOrDefault(c.Code, "")),
        ];
    }
}

/// <summary>A table read into typed rows: the criteria its columns name (catalogue order) and its rows, or the header's errors.</summary>
public sealed record AssessmentTableRows(IReadOnlyList<Criterion> Criteria, IReadOnlyList<AssessmentRow> Rows, IReadOnlyList<AssessmentFileError> Errors);
