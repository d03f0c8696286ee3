using Baken.Methods.Signals;
using Baken.Application.Common;
using Baken.Domain;
using G = Baken.Domain.Signals;

namespace Baken.Application.Register;

/// <summary>The early-warning records: signals, feeds, trends, warning indicators, their observations and alerts.</summary>
public static partial class RecordKinds
{
    /// <summary>The kinds a signal's or indicator's tags may name, besides countries and sectors.</summary>
    public static readonly IReadOnlyList<string> TagKinds = ["interest", "theme", "scenario", "actor", "vital-process", "country", "sector", "trend"];

    public static readonly RecordKind Signal = Kind<G.Signal>("signal", "signals", "Signalen", "Signals", "title",
        db => db.Signals, b => b
            .Date("date", "Date of the signal", r => r.Date, (r, v) => r.Date = v ?? throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd))
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true)
            .Text("source", "Source (organisation or feed)", r => r.Source, (r, v) => r.Source = v)
            .Text("url", "Reference or URL", r => r.Url, (r, v) => r.Url = v)
            .Text("reliability", "Reliability of the source, A–F", r => r.Reliability, (r, v) => r.Reliability = Grade("reliability", v, "ABCDEF"))
            .Text("credibility", "Credibility of the information, 1–6", r => r.Credibility, (r, v) => r.Credibility = Grade("credibility", v, "123456"))
            .Text("tags", "kind:value tags separated by ';' (kinds: " + string.Join(", ", TagKinds) + ")", r => r.Tags, (r, v) => r.Tags = Tags("tags", v))
            .Enum("status", "New, accepted, merged or rejected", r => r.Status, (r, v) => r.Status = v)
            .Text("duplicate_of", "The signal this one duplicates", r => r.DuplicateOf, (r, v) => r.DuplicateOf = v, references: "signal")
            .Text("feed", "Feed it came from", r => r.Feed, (r, v) => r.Feed = v)
            .Text("external_id", "The feed's id of the entry", r => r.ExternalId, (r, v) => r.ExternalId = v),
        check: s => { if (s.Date == default) throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd); });

    public static readonly RecordKind Feed = Kind<G.Feed>("feed", "feeds", "Feeds", "Feeds", "title",
        db => db.Feeds, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("url", "http(s) URL of the RSS or Atom feed (a file is taken in with 'signals import')", r => r.Url, (r, v) => r.Url = FeedUrl(v), required: true)
            .Bool("enabled", "Polled on the schedule", r => r.Enabled, (r, v) => r.Enabled = v)
            .Int("interval_minutes", "Minutes between polls", r => r.IntervalMinutes, (r, v) => r.IntervalMinutes = v, 1, 10_080)
            .Text("tags", "Tags given to every signal of the feed", r => r.Tags, (r, v) => r.Tags = Tags("tags", v))
            .Text("reliability", "Reliability of the feed's source, A–F", r => r.Reliability, (r, v) => r.Reliability = Grade("reliability", v, "ABCDEF")));

    public static readonly RecordKind Trend = Kind<G.Trend>("trend", "trends", "Trends", "Trends", "name",
        db => db.Trends, b => b
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v)
            .Enum("kind", "trend (a development under way), driver (a force behind several trends) or wildcard (unlikely, high impact)", r => r.Kind, (r, v) => r.Kind = v)
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true)
            .Number("horizon_years", "Horizon in years (6–20 for horizon scanning), empty when not stated", r => r.HorizonYears,
                (r, v) => r.HorizonYears = v is null ? null : v is >= 0 and <= 100 && v == Math.Floor(v.Value) ? (int)v : throw new DomainValidationException("horizon_years", v.ToString()!, AllowedTexts.SignalsWholeNumberYears0))
            .Text("direction", "rising, stable, falling or a description", r => r.Direction, (r, v) => r.Direction = v)
            .Text("confidence", "low, medium or high", r => r.Confidence, (r, v) => r.Confidence = v?.ToLowerInvariant() is null or "low" or "medium" or "high" ? v?.ToLowerInvariant() : throw new DomainValidationException("confidence", v, AllowedTexts.RegisterLowMediumHigh))
            .Codes("signals", "Signals that show it", r => r.Signals, (r, v) => r.Signals = v, "signal")
            .Codes("scenarios", "Scenarios it drives", r => r.Scenarios, (r, v) => r.Scenarios = v, "scenario"));

    public static readonly RecordKind WarningIndicator = Kind<G.WarningIndicator>("warning-indicator", "warning-indicators", "Signaalindicatoren", "Early-warning indicators", "title",
        db => db.WarningIndicators, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("unit", "Unit", r => r.Unit, (r, v) => r.Unit = v)
            .Enum("direction", "Rising: alert when the value reaches a threshold; falling: when it drops to one", r => r.Direction, (r, v) => r.Direction = v)
            .Number("amber", "Amber threshold", r => r.Amber, (r, v) => r.Amber = v)
            .Number("red", "Red threshold", r => r.Red, (r, v) => r.Red = v)
            .Number("jump_factor", "A value this many times the mean of the three before it is a jump alert too (e.g. 2); empty: none",
                r => r.JumpFactor, (r, v) => r.JumpFactor = v is null or > 1 ? v : throw new DomainValidationException("jump_factor", v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.SignalsNumberAbove1Empty))
            .Codes("scenarios", "Scenarios whose likelihood it informs", r => r.Scenarios, (r, v) => r.Scenarios = v, "scenario")
            .Text("tags", "kind:value tags separated by ';'", r => r.Tags, (r, v) => r.Tags = Tags("tags", v))
            .Text("source", "Source of the series", r => r.Source, (r, v) => r.Source = v),
        check: i =>
        {
            if (i is { Amber: { } a, Red: { } r } && (i.Direction == ThresholdDirection.Rising ? a >= r : a <= r))
                throw new DomainValidationException("red", r.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i.Direction == ThresholdDirection.Rising ? AllowedTexts.SignalsRisingRed : AllowedTexts.SignalsFallingRed);
        });

    public static readonly RecordKind Observation = Kind<G.Observation>("observation", "observations", "Waarnemingen", "Observations", "indicator",
        db => db.Observations, b => b
            .Text("indicator", "Early-warning indicator", r => r.IndicatorCode, (r, v) => r.IndicatorCode = v!, required: true, references: "warning-indicator")
            .Date("date", "Date", r => r.Date, (r, v) => r.Date = v ?? throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd))
            .Number("value", "Value", r => r.Value, (r, v) => r.Value = v ?? throw new DomainValidationException("value", "", AllowedTexts.SignalsFiniteNumber)),
        check: o => { if (o.Date == default) throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd); });

    public static readonly RecordKind Alert = Kind<G.Alert>("alert", "alerts", "Waarschuwingen", "Alerts", "indicator",
        db => db.Alerts, b => b
            .Text("indicator", "Indicator", r => r.IndicatorCode, (r, v) => r.IndicatorCode = v!, required: true, references: "warning-indicator")
            .Date("date", "Date of the crossing", r => r.Date, (r, v) => r.Date = v ?? default)
            .Number("value", "Value at the crossing", r => r.Value, (r, v) => r.Value = v ?? 0)
            .Text("from_level", "Level before", r => r.FromLevel, (r, v) => r.FromLevel = v ?? "")
            .Text("to_level", "Level after", r => r.ToLevel, (r, v) => r.ToLevel = v ?? "")
            .Text("explanation", "Why", r => r.Explanation, (r, v) => r.Explanation = v, multiline: true)
            .Enum("status", "Open, acknowledged, review opened or closed", r => r.Status, (r, v) => r.Status = v)
            .Codes("scenarios", "Scenarios under review", r => r.Scenarios, (r, v) => r.Scenarios = v, "scenario"));

    private static string? Grade(string field, string? value, string allowed)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim().ToUpperInvariant();
        return v.Length == 1 && allowed.Contains(v[0]) ? v : throw new DomainValidationException(field, value, AllowedTexts.SignalsOneOfOrEmpty.With(string.Join(", ", allowed.ToCharArray())));
    }

    private static string? Tags(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var tags = RecordFieldBuilder<Record>.SplitCodes(value).ToList();
        foreach (var t in tags)
        {
            var i = t.IndexOf(':');
            if (i <= 0 || i == t.Length - 1 || !TagKinds.Contains(t[..i].ToLowerInvariant()))
                throw new DomainValidationException(field, t, AllowedTexts.SignalsTags.With(string.Join(", ", TagKinds)));
        }
        var text = string.Join(";", tags.Distinct(StringComparer.Ordinal));
        return text.Length <= RecordFieldBuilder<Record>.MaxTextLength ? text : throw new DomainValidationException(field, value, AllowedTexts.SignalsMost400CharactersTags);
    }

    private static string FeedUrl(string? value)
    {
        var v = value?.Trim() ?? "";
        // Never a local path or file: URL, from any interface: the poller runs on the server, whose files are not a feed.
        if (Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)) return v;
        throw new DomainValidationException("url", value ?? "", AllowedTexts.SignalsHttpHttpsUrlFeed);
    }
}
