using System.Globalization;
using Baken.Methods.Risk;
using Baken.Domain;

namespace Baken.Application.Assessments;

/// <summary>
/// Turns assessment rows — read from a file or from the register, see <see cref="AssessmentRow"/> — into the analysis
/// input, by one set of rules (issue 3 "Assessment file format"):
/// <para>
/// Criterion judgements: X, a class A–E, a range "B-D" (also with an en dash) or "B-D~C" (most likely C), or a quantity
/// with unit for quantitative criteria ("350 deaths", "€2.1 bn"; see <see cref="QuantityParser"/>), which the criterion's
/// scale turns into a class; every criterion of the analysis needs one (X for no impact). Likelihood: a class or range
/// A–E, or a probability over the horizon as a percentage ("2%") or a fraction ("0.02"); may be empty for a threat with
/// intent, capability and vulnerability (then a likelihood overrides the rule's suggestion and needs an override reason).
/// Horizon: (0, 100] years. Title, theme and kind must agree across a scenario's rows; the scenario takes the highest
/// classification of its rows; one row per (scenario, analyst).
/// </para>
/// Every row is checked before anything is returned: the result holds the input or all errors, each naming the line,
/// field, value and what is allowed.
/// </summary>
public sealed class AssessmentInputBuilder
{
    private readonly IReadOnlyList<Criterion> _criteria;
    private readonly IReadOnlyDictionary<string, ImpactClassScale> _scales;

    /// <param name="criteria">The known criteria (code and interest) of the current catalogue edition, in catalogue order.</param>
    /// <param name="scales">The scale of every known criterion, keyed by criterion code.</param>
    public AssessmentInputBuilder(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, ImpactClassScale> scales)
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

    /// <summary>The known criteria, in catalogue order.</summary>
    public IReadOnlyList<Criterion> Criteria => _criteria;

    private sealed class ScenarioBuilder(string id, string title, string theme, RiskKind kind, int line)
    {
        public string Id { get; } = id;
        public string Title { get; } = title;
        public string Theme { get; } = theme;
        public RiskKind Kind { get; } = kind;
        public int FirstLine { get; } = line;
        public int ClassificationLevel { get; set; }
        public Dictionary<string, int> AnalystLines { get; } = new(StringComparer.Ordinal);
        public List<AnalystAssessment> Assessments { get; } = [];
    }

    /// <param name="rows">The assessments, in source order (errors and scenarios follow it).</param>
    /// <param name="analysed">The criteria the analysis uses (a file's criterion columns); null: every known criterion.</param>
    public AssessmentReadResult Build(IReadOnlyList<AssessmentRow> rows, IReadOnlyList<Criterion>? analysed = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Keep criteria in catalogue order whatever order they were given in.
        var criteria = analysed is null ? _criteria : _criteria.Where(c => analysed.Any(a => a.Code == c.Code)).ToList();
        var errors = new List<AssessmentFileError>();
        var scenarios = new Dictionary<string, ScenarioBuilder>(StringComparer.Ordinal);
        var order = new List<ScenarioBuilder>();
        foreach (var row in rows) Add(row, criteria, scenarios, order, errors);
        if (errors.Count > 0) return AssessmentReadResult.Failure(errors);
        return AssessmentReadResult.Success(new AnalysisInput(
            criteria,
            order.Select(b => new ScenarioInput(b.Id, b.Title, b.Theme, b.Kind, b.ClassificationLevel, b.Assessments)).ToList()));
    }

    private void Add(
        AssessmentRow row,
        IReadOnlyList<Criterion> criteria,
        Dictionary<string, ScenarioBuilder> scenarios,
        List<ScenarioBuilder> order,
        List<AssessmentFileError> errors)
    {
        var line = row.Line;
        var before = errors.Count;
        void Error(string field, string value, ValidationMessage message) => errors.Add(new AssessmentFileError(line, field, value, message));
        string Required(string column, string value)
        {
            var v = value.Trim();
            if (v.Length == 0) Error(column, v, AssessmentFileRules.EmptyCellRule.With(column));
            return v;
        }

        var id = Required("scenario_id", row.ScenarioId);
        var title = Required("scenario_title", row.ScenarioTitle);
        var theme = Required("theme", row.Theme);
        var analyst = Required("analyst", row.Analyst);
        var organisation = Required("organisation", row.Organisation);
        // What the source could not read (kind, classification, horizon, confidence) is told here, with the rest.
        errors.AddRange(row.Problems);
        var kind = row.Kind;

        var horizon = row.HorizonYears ?? AssessmentRow.DefaultHorizonYears;
        if (row.HorizonYears is { } h && (!double.IsFinite(h) || h <= 0 || h > 100))
            Error("horizon_years", h.ToString(CultureInfo.InvariantCulture), AssessmentFileRules.HorizonRule);

        var threat = ReadThreat(kind, row, Error);
        var likelihood = ReadLikelihood(kind, threat, row, Error);

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in row.Scores) given.TryAdd(s.Criterion, s.Judgement.Trim());
        var impacts = new Dictionary<string, ClassJudgement>(StringComparer.Ordinal);
        foreach (var criterion in criteria)
        {
            var judgement = ReadImpact(criterion, given.GetValueOrDefault(criterion.Code, string.Empty), Error);
            if (judgement is not null) impacts[criterion.Code] = judgement;
        }

        if (errors.Count > before || kind is null || row.Classification is not { } classification || row.HorizonYears is null) return;
        var level = (int)classification;

        if (!scenarios.TryGetValue(id, out var builder))
        {
            builder = new ScenarioBuilder(id, title, theme, kind.Value, line) { ClassificationLevel = level };
            scenarios[id] = builder;
            order.Add(builder);
        }
        else
        {
            if (!string.Equals(builder.Title, title, StringComparison.Ordinal))
                Error("scenario_title", title, AssessmentFileRules.SameTitleRule.With(id, builder.Title, builder.FirstLine));
            if (!string.Equals(builder.Theme, theme, StringComparison.Ordinal))
                Error("theme", theme, AssessmentFileRules.SameThemeRule.With(id, builder.Theme, builder.FirstLine));
            if (builder.Kind != kind)
                Error("kind", AssessmentRow.KindText(kind.Value), AssessmentFileRules.SameKindRule.With(id, builder.Kind.ToString().ToLowerInvariant(), builder.FirstLine));
            // A scenario is as classified as its most classified assessment.
            builder.ClassificationLevel = Math.Max(builder.ClassificationLevel, level);
        }
        if (builder.AnalystLines.TryGetValue(analyst, out var firstLine))
        {
            Error("analyst", analyst, AssessmentFileRules.OneRowRule.With(analyst, id, firstLine));
            return;
        }
        if (errors.Count > before) return;
        builder.AnalystLines[analyst] = line;
        builder.Assessments.Add(new AnalystAssessment(analyst, organisation, likelihood!, horizon, impacts, row.Confidence));
    }

    private static ThreatJudgement? ReadThreat(RiskKind? kind, AssessmentRow row, Action<string, string, ValidationMessage> error)
    {
        var parts = new[] { "intent", "capability", "vulnerability" };
        var texts = new[] { row.Intent.Trim(), row.Capability.Trim(), row.Vulnerability.Trim() };
        var values = new ImpactClass?[3];
        var filled = 0;
        for (var i = 0; i < 3; i++)
        {
            var text = texts[i];
            if (text.Length == 0) continue;
            filled++;
            if (kind == RiskKind.Hazard)
            {
                error(parts[i], text, AssessmentFileRules.ThreatOnlyRule.With(parts[i]));
                continue;
            }
            if (ImpactClasses.TryParse(text, out var c) && c != ImpactClass.X) values[i] = c;
            else error(parts[i], text, AssessmentFileRules.SingleClassRule.With(parts[i]));
        }
        if (kind != RiskKind.Threat || filled == 0) return null;
        if (filled < 3)
        {
            for (var i = 0; i < 3; i++)
            {
                if (texts[i].Length == 0) error(parts[i], string.Empty, AssessmentFileRules.AllThreeRule);
            }
            return null;
        }
        return values.All(v => v is not null) ? new ThreatJudgement(values[0]!.Value, values[1]!.Value, values[2]!.Value) : null;
    }

    private static LikelihoodJudgement? ReadLikelihood(RiskKind? kind, ThreatJudgement? threat, AssessmentRow row, Action<string, string, ValidationMessage> error)
    {
        var text = row.Likelihood.Trim();
        var reason = row.OverrideReason.Trim();
        ClassJudgement? stated = null;
        double? probability = null;
        if (text.Length == 0)
        {
            if (threat is null)
            {
                error("likelihood", text, kind == RiskKind.Threat ? AssessmentFileRules.ThreatLikelihoodEmptyRule : AssessmentFileRules.LikelihoodEmptyRule);
                return null;
            }
        }
        else if (QuantityParser.LooksLikeQuantity(text) || text.StartsWith('.'))
        {
            var isPercent = text.EndsWith('%');
            var number = isPercent ? text[..^1].Trim() : text;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                error("likelihood", text, AssessmentFileRules.ProbabilityRule);
                return null;
            }
            var p = isPercent ? value / 100 : value;
            if (p is < 0 or > 1)
            {
                error("likelihood", text, isPercent ? AssessmentFileRules.PercentRule : AssessmentFileRules.FractionRule);
                return null;
            }
            probability = p;
        }
        else
        {
            if (!ClassJudgement.TryRead(text, out var j, out var problem))
            {
                error("likelihood", text, AssessmentFileRules.OrProbabilityRule.With(problem!.Text == ClassJudgement.NotAClassText
                    ? AssessmentFileRules.NotALikelihoodClassRule.With([.. problem.Args]) : ValidationMessage.From(problem)));
                return null;
            }
            if (j.Low == ImpactClass.X)
            {
                error("likelihood", text, AssessmentFileRules.NoXRule);
                return null;
            }
            stated = j;
        }

        if (threat is not null && (stated is not null || probability is not null) && reason.Length == 0)
        {
            error("override_reason", reason, AssessmentFileRules.OverrideRule);
            return null;
        }
        return new LikelihoodJudgement(stated, probability, threat, reason.Length == 0 ? null : reason);
    }

    private ClassJudgement? ReadImpact(Criterion criterion, string text, Action<string, string, ValidationMessage> error)
    {
        var scale = _scales[criterion.Code];
        if (text.Length == 0)
        {
            error(criterion.Code, text, scale.IsQuantitative ? AssessmentFileRules.EmptyQuantityCellRule.With(scale.Unit) : AssessmentFileRules.EmptyClassCellRule);
            return null;
        }
        if (QuantityParser.LooksLikeQuantity(text))
        {
            if (!scale.IsQuantitative)
            {
                error(criterion.Code, text, AssessmentFileRules.QualitativeRule.With(criterion.Code));
                return null;
            }
            if (!QuantityParser.TryRead(text, out var quantity, out var problem))
            {
                error(criterion.Code, text, ValidationMessage.From(problem!));
                return null;
            }
            var classified = scale.Classify(quantity);
            return new ClassJudgement(classified.Class, classified.Class, derivation: classified.Explanation);
        }
        if (!ClassJudgement.TryRead(text, out var judgement, out var parseError))
        {
            var said = ValidationMessage.From(parseError!);
            error(criterion.Code, text, scale.IsQuantitative ? AssessmentFileRules.AlsoQuantityRule.With(said, scale.Unit) : said);
            return null;
        }
        return judgement;
    }
}
