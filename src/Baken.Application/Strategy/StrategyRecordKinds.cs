using Baken.Methods.Measures;
using Baken.Application.Capabilities;
using Baken.Application.Common;
using Baken.Application.Strategy;
using Baken.Domain;
using S = Baken.Domain.Strategy;

namespace Baken.Application.Register;

/// <summary>The strategy's records: measures, goals, indicators and progress updates (issue: measures and follow-up).</summary>
public static partial class RecordKinds
{
    public static readonly RecordKind Measure = Kind<S.Measure>("measure", "measures", "Maatregelen", "Measures", "title",
        db => db.Measures, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("description", "Description", r => r.Description, (r, v) => r.Description = v, multiline: true)
            .Enum("pillar", "Pillar of the strategy", r => r.Pillar, (r, v) => r.Pillar = v)
            .Enum("type", "Preventive, preparatory or reactive", r => r.MeasureType, (r, v) => r.MeasureType = v)
            .Text("owner", "Owning ministry or organisation", r => r.OwnerCode, (r, v) => r.OwnerCode = v, references: "organisation")
            .Enum("status", "Status", r => r.Status, (r, v) => r.Status = v)
            .Number("one_off_cost", "One-off cost in euros, in the start year", r => r.OneOffCost, (r, v) => r.OneOffCost = NonNegative("one_off_cost", v))
            .Number("yearly_cost", "Yearly cost in euros while in force", r => r.YearlyCost, (r, v) => r.YearlyCost = NonNegative("yearly_cost", v))
            .Int("start_year", "First year in force", r => r.StartYear, (r, v) => r.StartYear = v, 1900, 2200)
            .Int("lifetime_years", "Years in force", r => r.LifetimeYears, (r, v) => r.LifetimeYears = v, 1, 200)
            .Date("due", "Planned date of implementation (milestone)", r => r.Due, (r, v) => r.Due = v)
            .Codes("requires", "Measures that must be taken too", r => r.Requires, (r, v) => r.Requires = v, "measure")
            .Codes("excludes", "Measures that cannot be taken with this one", r => r.Excludes, (r, v) => r.Excludes = v, "measure")
            .Codes("evidence", "Sources of the evidence", r => r.Evidence, (r, v) => r.Evidence = v, "source")
            .Text("effects", MeasureEffectText.Allowed, r => MeasureEffectText.Format(r.Effects), (r, v) => r.Effects = MeasureEffectText.Parse(v), multiline: true)
            .Text("capability_raises", CapabilityLevels.RaisesAllowed, r => CapabilityLevels.FormatRaises(r.CapabilityRaises),
                (r, v) => r.CapabilityRaises = CapabilityLevels.ParseRaises(v, "capability_raises")),
        check: m =>
        {
            if (m.Requires.Contains(m.Code) || m.Excludes.Contains(m.Code))
                throw new DomainValidationException("requires", m.Code, AllowedTexts.StrategyOtherMeasuresThanThis);
            if (m.Requires.Intersect(m.Excludes).FirstOrDefault() is { } both)
                throw new DomainValidationException("excludes", both, AllowedTexts.StrategyMeasuresThisDoesNot);
        },
        rules: async (db, m, ct) =>
        {
            var errors = new List<FieldError>();
            foreach (var scenario in m.Effects.Select(e => e.Scenario).Distinct())
                if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Scenarios, s => s.Code == scenario, ct))
                    errors.Add(new FieldError("effects", scenario, RecordReferences.Existing("scenario")));
            var criteria = m.Effects.SelectMany(e => e.Reductions).Select(r => r.Criterion).Distinct().ToList();
            if (criteria.Count > 0)
            {
                var known = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Criteria.Where(c => criteria.Contains(c.Code)).Select(c => c.Code), ct);
                errors.AddRange(criteria.Except(known).Select(c => new FieldError("effects", c, RecordReferences.Existing("criterion"))));
            }
            errors.AddRange(await CapabilityLevels.UnknownAsync(db, "capability_raises",
                m.CapabilityRaises.Select(r => r.Capability), ct));
            return errors;
        });

    public static readonly RecordKind Goal = Kind<S.StrategyGoal>("goal", "goals", "Strategische doelen", "Strategic goals", "title",
        db => db.Goals, b => b
            .Text("title", "Dutch title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("title_en", "English title", r => r.TitleEn, (r, v) => r.TitleEn = v)
            .Text("edition", "Strategy edition (e.g. GBVS 2018-2022)", r => r.Edition, (r, v) => r.Edition = v!, required: true)
            .Int("number", "Number within the edition", r => r.Number, (r, v) => r.Number = v, 0, 1000)
            .Enum("pillar", "Pillar of the strategy", r => r.Pillar, (r, v) => r.Pillar = v)
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true)
            .Text("owner", "Owning ministry or organisation", r => r.OwnerCode, (r, v) => r.OwnerCode = v, references: "organisation")
            .Codes("scenarios", "Scenarios the goal addresses", r => r.Scenarios, (r, v) => r.Scenarios = v, "scenario")
            .Codes("measures", "Measures that serve the goal", r => r.Measures, (r, v) => r.Measures = v, "measure"));

    public static readonly RecordKind Indicator = Kind<S.Indicator>("indicator", "indicators", "Indicatoren", "Indicators", "title",
        db => db.Indicators, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("goal", "Goal the indicator measures", r => r.GoalCode, (r, v) => r.GoalCode = v!, required: true, references: "goal")
            .Text("unit", "Unit", r => r.Unit, (r, v) => r.Unit = v)
            .Enum("direction", "Which way it must move", r => r.Direction, (r, v) => r.Direction = v)
            .Number("baseline", "Baseline value", r => r.Baseline, (r, v) => r.Baseline = v)
            .Date("baseline_date", "Date of the baseline", r => r.BaselineDate, (r, v) => r.BaselineDate = v)
            .Number("target", "Target value", r => r.Target, (r, v) => r.Target = v)
            .Date("deadline", "Date by which the target is due", r => r.Deadline, (r, v) => r.Deadline = v)
            .Text("owner", "Organisation that reports it", r => r.OwnerCode, (r, v) => r.OwnerCode = v, references: "organisation")
            .Int("update_interval_days", "Days between updates", r => r.UpdateIntervalDays, (r, v) => r.UpdateIntervalDays = v, 1, 3660));

    public static readonly RecordKind ProgressUpdate = Kind<S.ProgressUpdate>("progress-update", "progress-updates", "Voortgangsrapportages", "Progress updates", "subject",
        db => db.ProgressUpdates, b => b
            .Link("subject", "What it reports on: goal:CODE or measure:CODE", r => r.Subject, (r, v) => r.Subject = v, SubjectKinds)
            .Date("date", "Date of the update", r => r.Date, (r, v) => r.Date = v ?? throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd))
            .Enum("status", "On track, at risk, off track or done", r => r.Status, (r, v) => r.Status = v)
            .Text("indicator", "Indicator whose value is reported", r => r.IndicatorCode, (r, v) => r.IndicatorCode = v, references: "indicator")
            .Number("value", "Indicator value", r => r.Value, (r, v) => r.Value = v)
            .Text("comment", "Comment", r => r.Comment, (r, v) => r.Comment = v, multiline: true)
            .Codes("evidence", "Sources of the evidence", r => r.Evidence, (r, v) => r.Evidence = v, "source"),
        check: u =>
        {
            if (u.Date == default) throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd);
            if (u.Value is not null && u.IndicatorCode is null) throw new DomainValidationException("indicator", "", AllowedTexts.StrategyIndicatorWhoseValueGiven);
        },
        rules: (db, u, ct) => QualifiedCodes.CheckAsync(db, "subject", u.Subject is { } subject ? [subject] : [], SubjectKinds, ct));

    /// <summary>What a progress update may report on.</summary>
    private static string[] SubjectKinds => ["goal", "measure"];

    private static double? NonNegative(string field, double? v) =>
        v is < 0 or > MeasureCosts.MaximumEuros
            ? throw new DomainValidationException(field, v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.StrategyEuros01e13)
            : v;
}
