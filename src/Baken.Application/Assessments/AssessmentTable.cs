using System.Globalization;
using Baken.Analysis.Risk;

namespace Baken.Application.Assessments;

/// <summary>One row of an assessment table: its line in the source (file line, sheet row or stored record) and its cells.</summary>
public sealed record AssessmentRawRow(int Line, string[] Cells);

/// <summary>
/// Validates an assessment table (read from a CSV or XLSX file, or built from stored assessments, issue 3 "Assessment file format"): one row per (scenario, analyst) with the
/// columns scenario_id, scenario_title, theme, kind (hazard|threat), analyst, organisation, classification,
/// horizon_years, likelihood, intent, capability, vulnerability, then one column per criterion code.
/// Optional columns: confidence (low|medium|high) and override_reason (required when a threat row gives both the three
/// sub-judgements and a likelihood, which then overrides the rule's suggestion).
/// <para>
/// Cell rules. Criterion cells: X, a class A–E, a range "B-D" (also with an en dash) or "B-D~C" (most likely C), or a
/// quantity with unit for quantitative criteria ("350 deaths", "€2.1 bn"; see <see cref="QuantityParser"/>), which the
/// criterion's scale turns into a class. Likelihood: a class or range A–E, or a probability over horizon_years as a
/// percentage ("2%") or a fraction ("0.02"); may be empty for a threat with intent, capability and vulnerability.
/// horizon_years: a number in (0, 100]; empty means 5. Every criterion cell must be filled (X for no impact).
/// Title, theme and kind must agree across a scenario's rows; the scenario takes the highest classification of its rows.
/// </para>
/// <para>
/// Every row is validated before anything is returned; the result holds either the <see cref="AnalysisInput"/> or all
/// errors, each naming the line, column, value and what is allowed. Header names are case-insensitive. CSV files may
/// use comma, semicolon or tab as delimiter. In XLSX the first sheet is read and the line is the sheet row.
/// </para>
/// </summary>
public sealed class AssessmentTable
{
    // What each problem in an assessment file says (English here; the hosts translate the keys).
    private static readonly Baken.Domain.MessageTemplate EmptyFileRule = new("allowed.assessmentfile.empty", "The file is empty: expected a header row with the columns {0} and one column per criterion code.");
    private static readonly Baken.Domain.MessageTemplate EmptyHeaderRule = new("allowed.assessmentfile.emptyheader", "A header cell is empty; every column needs a name.");
    private static readonly Baken.Domain.MessageTemplate TwiceRule = new("allowed.assessmentfile.columntwice", "This column appears twice in the header; each column may appear once.");
    private static readonly Baken.Domain.MessageTemplate UnknownColumnRule = new("allowed.assessmentfile.unknowncolumn", "Unknown criterion column: known criterion codes are {0}; the fixed columns are {1}; optional: {2}.");
    private static readonly Baken.Domain.MessageTemplate MissingColumnRule = new("allowed.assessmentfile.missingcolumn", "Required column '{0}' is missing from the header.");
    private static readonly Baken.Domain.MessageTemplate NoCriteriaRule = new("allowed.assessmentfile.nocriteria", "No criterion columns: add one column per criterion code ({0}).");
    private static readonly Baken.Domain.MessageTemplate NoRowsRule = new("allowed.assessmentfile.norows", "The file has a header but no assessment rows.");
    private static readonly Baken.Domain.MessageTemplate EmptyCellRule = new("allowed.assessmentfile.emptycell", "'{0}' is empty; every row needs it.");
    private static readonly Baken.Domain.MessageTemplate KindRule = new("allowed.assessmentfile.kind", "kind must be 'hazard' (non-malicious) or 'threat' (malicious).");
    private static readonly Baken.Domain.MessageTemplate ClassificationRule = new("allowed.assessmentfile.classification", "Unknown classification; allowed: {0}.");
    private static readonly Baken.Domain.MessageTemplate HorizonRule = new("allowed.assessmentfile.horizon", "horizon_years must be a number of years in (0, 100], e.g. 5 (empty means 5).");
    private static readonly Baken.Domain.MessageTemplate ConfidenceRule = new("allowed.assessmentfile.confidence", "confidence must be low, medium or high (or empty).");
    private static readonly Baken.Domain.MessageTemplate SameTitleRule = new("allowed.assessmentfile.sametitle", "Scenario {0} has title '{1}' on line {2}; all its rows must use the same title.");
    private static readonly Baken.Domain.MessageTemplate SameThemeRule = new("allowed.assessmentfile.sametheme", "Scenario {0} has theme '{1}' on line {2}; all its rows must use the same theme.");
    private static readonly Baken.Domain.MessageTemplate SameKindRule = new("allowed.assessmentfile.samekind", "Scenario {0} is a {1} on line {2}; all its rows must use the same kind.");
    private static readonly Baken.Domain.MessageTemplate OneRowRule = new("allowed.assessmentfile.onerow", "Analyst {0} already assessed scenario {1} on line {2}; one row per (scenario, analyst).");
    private static readonly Baken.Domain.MessageTemplate ThreatOnlyRule = new("allowed.assessmentfile.threatonly", "{0} applies to threats only; leave it empty for a hazard.");
    private static readonly Baken.Domain.MessageTemplate SingleClassRule = new("allowed.assessmentfile.singleclass", "{0} must be a single class A–E.");
    private static readonly Baken.Domain.MessageTemplate AllThreeRule = new("allowed.assessmentfile.allthree", "Give all three of intent, capability and vulnerability, or none.");
    private static readonly Baken.Domain.MessageTemplate ThreatLikelihoodEmptyRule = new("allowed.assessmentfile.threatlikelihoodempty", "likelihood is empty: give a class A–E, a range, a probability, or intent, capability and vulnerability.");
    private static readonly Baken.Domain.MessageTemplate LikelihoodEmptyRule = new("allowed.assessmentfile.likelihoodempty", "likelihood is empty: give a class A–E, a range such as B-D, or a probability over the horizon such as 2% or 0.02.");
    private static readonly Baken.Domain.MessageTemplate ProbabilityRule = new("allowed.assessmentfile.probability", "A probability is a percentage such as 2% or a fraction such as 0.02.");
    private static readonly Baken.Domain.MessageTemplate PercentRule = new("allowed.assessmentfile.percent", "A percentage lies in 0%..100%.");
    private static readonly Baken.Domain.MessageTemplate FractionRule = new("allowed.assessmentfile.fraction", "A probability written as a fraction lies in 0..1 (write 2% or 0.02, not 2).");
    private static readonly Baken.Domain.MessageTemplate OrProbabilityRule = new("allowed.assessmentfile.orprobability", "{0} Or a probability such as 2% or 0.02.");
    private static readonly Baken.Domain.MessageTemplate NoXRule = new("allowed.assessmentfile.nox", "X is not a likelihood class: use A–E.");
    private static readonly Baken.Domain.MessageTemplate OverrideRule = new("allowed.assessmentfile.override", "This threat row gives intent, capability and vulnerability AND a likelihood, which overrides the rule's suggestion: give the reason in override_reason, or leave likelihood empty.");
    private static readonly Baken.Domain.MessageTemplate EmptyQuantityCellRule = new("allowed.assessmentfile.emptyquantitycell", "The cell is empty: give X (no impact), a class A–E, a range such as B-D or B-D~C, or a quantity in {0}.");
    private static readonly Baken.Domain.MessageTemplate EmptyClassCellRule = new("allowed.assessmentfile.emptyclasscell", "The cell is empty: give X (no impact), a class A–E, a range such as B-D or B-D~C.");
    private static readonly Baken.Domain.MessageTemplate QualitativeRule = new("allowed.assessmentfile.qualitative", "Criterion {0} has a qualitative scale: give X or a class A–E (or a range), not a quantity.");
    private static readonly Baken.Domain.MessageTemplate AlsoQuantityRule = new("allowed.assessmentfile.alsoquantity", "{0} A quantity in {1} is also accepted.");

    /// <summary>The fixed columns, in the documented order.</summary>
    public static readonly IReadOnlyList<string> FixedColumns =
    [
        "scenario_id", "scenario_title", "theme", "kind", "analyst", "organisation", "classification",
        "horizon_years", "likelihood", "intent", "capability", "vulnerability",
    ];

    /// <summary>Optional extra columns.</summary>
    public static readonly IReadOnlyList<string> OptionalColumns = ["confidence", "override_reason"];

    private const double DefaultHorizonYears = 5;

    private readonly IReadOnlyList<Criterion> _criteria;
    private readonly IReadOnlyDictionary<string, ImpactClassScale> _scales;

    /// <param name="criteria">The known criteria (code and interest) of the current catalogue edition.</param>
    /// <param name="scales">The scale of every known criterion, keyed by criterion code.</param>
    public AssessmentTable(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, ImpactClassScale> scales)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(scales);
        if (criteria.Count == 0) throw new ArgumentException("The reader needs the known criteria.", nameof(criteria));
        foreach (var c in criteria)
        {
            if (!scales.ContainsKey(c.Code))
                throw new ArgumentException($"Criterion {c.Code} has no scale; give a ImpactClassScale for every known criterion.", nameof(scales));
        }
        _criteria = criteria;
        _scales = scales;
    }


    private sealed class ScenarioBuilder(string id, string title, string theme, ScenarioKind kind, int line)
    {
        public string Id { get; } = id;
        public string Title { get; } = title;
        public string Theme { get; } = theme;
        public ScenarioKind Kind { get; } = kind;
        public int FirstLine { get; } = line;
        public int ClassificationLevel { get; set; }
        public Dictionary<string, int> AnalystLines { get; } = new(StringComparer.Ordinal);
        public List<AnalystAssessment> Assessments { get; } = [];
    }

    public AssessmentReadResult Validate(IReadOnlyList<AssessmentRawRow> rows)
    {
        var errors = new List<AssessmentFileError>();
        if (rows.Count == 0)
        {
            errors.Add(new AssessmentFileError(1, "header", string.Empty,
                EmptyFileRule.With(string.Join(", ", FixedColumns))));
            return AssessmentReadResult.Failure(errors);
        }

        var header = rows[0];
        var columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var criterionColumns = new List<(Criterion Criterion, int Index)>();
        var known = _criteria.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = header.Cells[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0)
            {
                errors.Add(new AssessmentFileError(header.Line, $"column {i + 1}", string.Empty, EmptyHeaderRule));
                continue;
            }
            if (!columnIndex.TryAdd(name, i))
            {
                errors.Add(new AssessmentFileError(header.Line, name, name, TwiceRule));
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
                    UnknownColumnRule.With(string.Join(", ", _criteria.Select(c => c.Code)), string.Join(", ", FixedColumns), string.Join(", ", OptionalColumns.Concat(KnowledgePedigree.Columns)))));
            }
        }
        foreach (var required in FixedColumns)
        {
            if (!columnIndex.ContainsKey(required))
                errors.Add(new AssessmentFileError(header.Line, required, string.Empty, MissingColumnRule.With(required)));
        }
        if (criterionColumns.Count == 0 && errors.Count == 0)
            errors.Add(new AssessmentFileError(header.Line, "header", string.Join(",", header.Cells), NoCriteriaRule.With(string.Join(", ", _criteria.Select(c => c.Code)))));
        if (errors.Count > 0) return AssessmentReadResult.Failure(errors);
        if (rows.Count == 1)
            return AssessmentReadResult.Failure([new AssessmentFileError(2, "scenario_id", string.Empty, NoRowsRule)]);

        // Keep criteria in catalogue order whatever the column order.
        criterionColumns = criterionColumns.OrderBy(c => _criteria.ToList().IndexOf(c.Criterion)).ToList();
        var scenarios = new Dictionary<string, ScenarioBuilder>(StringComparer.Ordinal);
        var order = new List<ScenarioBuilder>();
        foreach (var row in rows.Skip(1))
        {
            // Spreadsheets often leave rows of empty cells (",,,,") below the data; they carry nothing to validate.
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            ValidateRow(row, columnIndex, criterionColumns, scenarios, order, errors);
        }
        if (errors.Count > 0) return AssessmentReadResult.Failure(errors);

        var input = new AnalysisInput(
            criterionColumns.Select(c => c.Criterion).ToList(),
            order.Select(b => new ScenarioInput(b.Id, b.Title, b.Theme, b.Kind, b.ClassificationLevel, b.Assessments)).ToList());
        return AssessmentReadResult.Success(input);
    }

    private void ValidateRow(
        AssessmentRawRow row,
        Dictionary<string, int> columns,
        List<(Criterion Criterion, int Index)> criterionColumns,
        Dictionary<string, ScenarioBuilder> scenarios,
        List<ScenarioBuilder> order,
        List<AssessmentFileError> errors)
    {
        var line = row.Line;
        var before = errors.Count;
        string Cell(string column) =>
            columns.TryGetValue(column, out var i) && i < row.Cells.Length ? row.Cells[i].Trim() : string.Empty;
        void Error(string field, string value, Baken.Domain.ValidationMessage message) => errors.Add(new AssessmentFileError(line, field, value, message));
        string Required(string column)
        {
            var v = Cell(column);
            if (v.Length == 0) Error(column, v, EmptyCellRule.With(column));
            return v;
        }

        var id = Required("scenario_id");
        var title = Required("scenario_title");
        var theme = Required("theme");
        var analyst = Required("analyst");
        var organisation = Required("organisation");

        var kindText = Cell("kind");
        ScenarioKind? kind = kindText.ToLowerInvariant() switch
        {
            "hazard" => ScenarioKind.Hazard,
            "threat" => ScenarioKind.Threat,
            _ => null,
        };
        if (kind is null) Error("kind", kindText, KindRule);

        var classificationText = Cell("classification");
        var level = Baken.Domain.Security.ClassificationLevels.TryParse(classificationText, out var parsedLevel) ? (int)parsedLevel : -1;
        if (level < 0)
            Error("classification", classificationText, ClassificationRule.With(Baken.Domain.Security.ClassificationLevels.Rule));

        var horizonText = Cell("horizon_years");
        var horizon = DefaultHorizonYears;
        if (horizonText.Length > 0 && (!double.TryParse(horizonText, NumberStyles.Float, CultureInfo.InvariantCulture, out horizon) || !double.IsFinite(horizon) || horizon <= 0 || horizon > 100))
            Error("horizon_years", horizonText, HorizonRule);

        ThreatJudgement? threat = ReadThreat(kind, Cell, Error);
        var likelihood = ReadLikelihood(kind, threat, Cell, Error);

        var confidenceText = Cell("confidence");
        Confidence? confidence = confidenceText.ToLowerInvariant() switch
        {
            "" => null,
            "low" or "laag" => Confidence.Low,
            "medium" or "middel" or "gemiddeld" => Confidence.Medium,
            "high" or "hoog" => Confidence.High,
            _ => Invalid<Confidence?>(() => Error("confidence", confidenceText, ConfidenceRule)),
        };

        var impacts = new Dictionary<string, ClassJudgement>(StringComparer.Ordinal);
        foreach (var (criterion, index) in criterionColumns)
        {
            var text = index < row.Cells.Length ? row.Cells[index].Trim() : string.Empty;
            var judgement = ReadImpact(criterion, text, Error);
            if (judgement is not null) impacts[criterion.Code] = judgement;
        }

        if (errors.Count > before || kind is null) return;

        if (!scenarios.TryGetValue(id, out var builder))
        {
            builder = new ScenarioBuilder(id, title, theme, kind.Value, line) { ClassificationLevel = level };
            scenarios[id] = builder;
            order.Add(builder);
        }
        else
        {
            if (!string.Equals(builder.Title, title, StringComparison.Ordinal))
                Error("scenario_title", title, SameTitleRule.With(id, builder.Title, builder.FirstLine));
            if (!string.Equals(builder.Theme, theme, StringComparison.Ordinal))
                Error("theme", theme, SameThemeRule.With(id, builder.Theme, builder.FirstLine));
            if (builder.Kind != kind)
                Error("kind", kindText, SameKindRule.With(id, builder.Kind.ToString().ToLowerInvariant(), builder.FirstLine));
            // A scenario is as classified as its most classified assessment.
            builder.ClassificationLevel = Math.Max(builder.ClassificationLevel, level);
        }
        if (builder.AnalystLines.TryGetValue(analyst, out var firstLine))
        {
            Error("analyst", analyst, OneRowRule.With(analyst, id, firstLine));
            return;
        }
        if (errors.Count > before) return;
        builder.AnalystLines[analyst] = line;
        builder.Assessments.Add(new AnalystAssessment(analyst, organisation, likelihood!, horizon, impacts, confidence));
    }

    private static T Invalid<T>(Action report)
    {
        report();
        return default!;
    }

    private static ThreatJudgement? ReadThreat(ScenarioKind? kind, Func<string, string> cell, Action<string, string, Baken.Domain.ValidationMessage> error)
    {
        var parts = new[] { "intent", "capability", "vulnerability" };
        var values = new ImpactClass?[3];
        var filled = 0;
        for (var i = 0; i < 3; i++)
        {
            var text = cell(parts[i]);
            if (text.Length == 0) continue;
            filled++;
            if (kind == ScenarioKind.Hazard)
            {
                error(parts[i], text, ThreatOnlyRule.With(parts[i]));
                continue;
            }
            if (ImpactClasses.TryParse(text, out var c) && c != ImpactClass.X) values[i] = c;
            else error(parts[i], text, SingleClassRule.With(parts[i]));
        }
        if (kind != ScenarioKind.Threat || filled == 0) return null;
        if (filled < 3)
        {
            for (var i = 0; i < 3; i++)
            {
                if (cell(parts[i]).Length == 0) error(parts[i], string.Empty, AllThreeRule);
            }
            return null;
        }
        return values.All(v => v is not null) ? new ThreatJudgement(values[0]!.Value, values[1]!.Value, values[2]!.Value) : null;
    }

    private static LikelihoodJudgement? ReadLikelihood(ScenarioKind? kind, ThreatJudgement? threat, Func<string, string> cell, Action<string, string, Baken.Domain.ValidationMessage> error)
    {
        var text = cell("likelihood");
        var reason = cell("override_reason");
        ClassJudgement? stated = null;
        double? probability = null;
        if (text.Length == 0)
        {
            if (threat is null)
            {
                error("likelihood", text, kind == ScenarioKind.Threat
                    ? ThreatLikelihoodEmptyRule
                    : LikelihoodEmptyRule);
                return null;
            }
        }
        else if (QuantityParser.LooksLikeQuantity(text) || text.StartsWith('.'))
        {
            var isPercent = text.EndsWith('%');
            var number = isPercent ? text[..^1].Trim() : text;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                error("likelihood", text, ProbabilityRule);
                return null;
            }
            var p = isPercent ? value / 100 : value;
            if (p is < 0 or > 1)
            {
                error("likelihood", text, isPercent ? PercentRule : FractionRule);
                return null;
            }
            probability = p;
        }
        else
        {
            if (!ClassJudgement.TryParse(text, out var j, out var message))
            {
                error("likelihood", text, OrProbabilityRule.With(Baken.Domain.ValidationMessage.Verbatim(message.Replace("X, A, B, C, D, E", "A, B, C, D, E", StringComparison.Ordinal))));
                return null;
            }
            if (j.Low == ImpactClass.X)
            {
                error("likelihood", text, NoXRule);
                return null;
            }
            stated = j;
        }

        if (threat is not null && (stated is not null || probability is not null) && reason.Length == 0)
        {
            error("override_reason", reason, OverrideRule);
            return null;
        }
        return new LikelihoodJudgement(stated, probability, threat, reason.Length == 0 ? null : reason);
    }

    private ClassJudgement? ReadImpact(Criterion criterion, string text, Action<string, string, Baken.Domain.ValidationMessage> error)
    {
        var scale = _scales[criterion.Code];
        if (text.Length == 0)
        {
            error(criterion.Code, text, (scale.IsQuantitative ? EmptyQuantityCellRule.With(scale.Unit) : EmptyClassCellRule));
            return null;
        }
        if (QuantityParser.LooksLikeQuantity(text))
        {
            if (!scale.IsQuantitative)
            {
                error(criterion.Code, text, QualitativeRule.With(criterion.Code));
                return null;
            }
            if (!QuantityParser.TryParse(text, out var quantity, out var message))
            {
                error(criterion.Code, text, Baken.Domain.ValidationMessage.Verbatim(message));
                return null;
            }
            var classified = scale.Classify(quantity);
            return new ClassJudgement(classified.Class, classified.Class, derivation: classified.Explanation);
        }
        if (!ClassJudgement.TryParse(text, out var judgement, out var parseError))
        {
            error(criterion.Code, text, scale.IsQuantitative ? AlsoQuantityRule.With(Baken.Domain.ValidationMessage.Verbatim(parseError), scale.Unit) : Baken.Domain.ValidationMessage.Verbatim(parseError));
            return null;
        }
        return judgement;
    }
}
