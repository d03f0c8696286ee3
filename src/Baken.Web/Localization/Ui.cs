using System.Globalization;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Dependencies;
using Microsoft.Extensions.Localization;

namespace Baken.Web.Localization;

/// <summary>
/// The workbench's words in Dutch (the neutral resource, Ui.resx) and English (Ui.en.resx), read through
/// <see cref="IStringLocalizer"/> in the request's UI culture (chosen by the request-localization middleware:
/// the culture cookie or <c>?culture=</c>, Dutch by default). Pages reach it through <see cref="LocalizedComponent"/>.
/// </summary>
public sealed partial class Ui(IStringLocalizer<Ui> localizer)
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    // The resources do not change while the process runs, so each text is looked up once per language: a page asks for
    // hundreds, and every ResourceManager look-up takes a lock that requests in parallel queue on (docs/performance.md).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Culture, string Key), LocalizedString> Looked = new();

    // Only texts that exist are kept (a bounded set): a key built from stored or typed text may be anything.
    private LocalizedString Lookup(string key)
    {
        var at = (CultureInfo.CurrentUICulture.Name, key);
        if (Looked.TryGetValue(at, out var known)) return known;
        var found = localizer[key];
        if (!found.ResourceNotFound) Looked.TryAdd(at, found);
        return found;
    }

    /// <summary>The text for <paramref name="key"/>; an unknown key reads as itself so a gap shows (and the page test finds it).</summary>
    public string T(string key) => Lookup(key);

    /// <summary>The text for <paramref name="key"/>, or <paramref name="fallback"/> when neither resource has it.</summary>
    public string T(string key, string fallback)
    {
        var s = Lookup(key);
        return s.ResourceNotFound ? fallback : s.Value;
    }

    public bool Has(string key) => !Lookup(key).ResourceNotFound;

    /// <summary>A record kind's name in the reader's language.</summary>
    public static string KindName(RecordKind kind) => IsEnglish ? kind.DisplayEn : kind.DisplayNl;

    /// <summary>A field's label: <c>field.&lt;kind&gt;.&lt;name&gt;</c> where the general label misleads, else <c>field.&lt;name&gt;</c>.</summary>
    public string FieldLabel(RecordKind kind, RecordField field) => FieldLabel(kind.Name, field.Name);

    public string FieldLabel(string kind, string field) => T($"field.{kind}.{field}", T($"field.{field}", field));

    /// <summary>A field's help text, <c>hint.&lt;kind&gt;.&lt;name&gt;</c>; the record kind's own (English) description when none is written.</summary>
    public string FieldHint(RecordKind kind, RecordField field) => T($"hint.{kind.Name}.{field.Name}", field.Description);

    /// <summary>An enum value as stored in a field ("non-state", "national;flow") in the reader's words, by <c>enum.&lt;Type&gt;.&lt;Value&gt;</c>.</summary>
    public string EnumText(Type type, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        return string.Join(", ", value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, part.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            return name is null ? part : T($"enum.{type.Name}.{name}", part);
        }));
    }

    public string EnumText<TEnum>(TEnum value) where TEnum : struct, Enum => T($"enum.{typeof(TEnum).Name}.{value}", value.ToString());

    /// <summary>An enum's name given as text ("GoalWithoutOwner") in the reader's language.</summary>
    public string EnumText(string type, string name) => T($"enum.{type}.{name}", name);

    /// <summary>
    /// A country's name in the reader's language by its ISO 3166-1 alpha-3 code (<c>country.&lt;ISO3&gt;</c>; the
    /// platform's RegionInfo gives only native and English names, so the names are a small resource);
    /// <paramref name="fallback"/>, the data's own name, for codes without one.
    /// </summary>
    public string Country(string? iso3, string fallback) => iso3 is null ? fallback : T($"country.{iso3.ToUpperInvariant()}", fallback);

    /// <summary>
    /// A history note in the reader's language. The register writes two kinds in a fixed English form
    /// (RecordWriter: "entered by X for Y", "declassified from LEVEL: reason"); any other note is shown as written.
    /// </summary>
    public string HistoryNote(string note)
    {
        if (System.Text.RegularExpressions.Regex.Match(note, "^entered by (\\S+) for (\\S+)$") is { Success: true } entered)
            return string.Format(CultureInfo.CurrentCulture, T("history.enteredfor"), entered.Groups[1].Value, entered.Groups[2].Value);
        if (System.Text.RegularExpressions.Regex.Match(note, "^declassified from ([^:]+): (.*)$", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } declassified)
            return string.Format(CultureInfo.CurrentCulture, T("history.declassified"), declassified.Groups[1].Value, declassified.Groups[2].Value);
        return note;
    }

    /// <summary>
    /// A title Baken writes itself in a fixed English form, in the reader's language: the dependency screen's indicators,
    /// "Supplier concentration of PRODUCT (HS 123456) into EU27" (DependencyRecords.ConcentrationSeries; the record keeps
    /// the English the CLI and API show, the product name is the trade catalogue's English); any other title as written.
    /// </summary>
    public string GeneratedTitle(string title) =>
        !IsEnglish && ConcentrationTitle().Match(title) is { Success: true } m
            ? string.Format(CultureInfo.CurrentCulture, T("signals.concentrationtitle"), m.Groups["product"].Value, m.Groups["importer"].Value)
            : title;

    [System.Text.RegularExpressions.GeneratedRegex(@"^Supplier concentration of (?<product>.+) into (?<importer>\S+)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ConcentrationTitle();

    /// <summary>
    /// Text Baken adds to what people wrote, in the reader's language, line by line: an assessment's status note
    /// ("validated by X: note", "entered by X for Y: note"; ChangeAssessmentStatus) and the rationale lines written when a
    /// cascade suggestion is accepted or not taken (SuggestCascadeScores), with the simulation's derivation. The record keeps
    /// the English the CLI and API show; any other line, and what people wrote after a colon, is shown as written.
    /// </summary>
    public string WrittenNote(string? text)
    {
        if (string.IsNullOrEmpty(text) || IsEnglish) return text ?? "";
        return string.Join("\n", text.Split('\n').Select(Line));

        string Line(string line)
        {
            if (ValidatedNote().Match(line) is { Success: true } v)
                return F("notes.validatedby", v.Groups["by"].Value) + Rest(v);
            if (EnteredNote().Match(line) is { Success: true } e)
                return F("history.enteredfor", e.Groups["by"].Value, e.Groups["for"].Value) + Rest(e);
            if (AcceptedNote().Match(line) is { Success: true } a)
                return (a.Groups["coordinator"].Success
                        ? F("notes.acceptedbycoordinator", a.Groups["criterion"].Value, a.Groups["coordinator"].Value, a.Groups["analyst"].Value, Derivation(a.Groups["why"].Value))
                        : F("notes.acceptedbyanalyst", a.Groups["criterion"].Value, a.Groups["analyst"].Value, Derivation(a.Groups["why"].Value)))
                    + (a.Groups["own"].Success ? F("notes.replacesown", a.Groups["own"].Value) : "");
            if (NotTakenNote().Match(line) is { Success: true } n)
                return F("notes.nottaken", n.Groups["criterion"].Value, n.Groups["class"].Value, n.Groups["reason"].Value);
            return line;
        }

        static string Rest(System.Text.RegularExpressions.Match m) => m.Groups["note"].Success ? ": " + m.Groups["note"].Value : "";

        string Derivation(string why)
        {
            if (DerivationNote().Match(why) is not { Success: true } d) return why;
            var classed = d.Groups["classed"].Value;
            if (classed == "no impact") classed = T("notes.noimpact");
            else if (ClassedNote().Match(classed) is { Success: true } c)
                classed = F(c.Groups["indicative"].Success ? "notes.classedindicative" : "notes.classed", c.Groups["what"].Value, c.Groups["class"].Value, c.Groups["range"].Value, c.Groups["version"].Value);
            return F("notes.derivation", d.Groups["quantity"].Value, d.Groups["unit"].Value, d.Groups["hours"].Value, d.Groups["parts"].Value, classed);
        }

        string F(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^validated by (?<by>\S+)(?:: (?<note>.*))?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ValidatedNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^entered by (?<by>\S+) for (?<for>[^\s:]+)(?:: (?<note>.*))?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex EnteredNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<criterion>\S+) accepted by (?:analyst (?<analyst>\S+)|coordinator (?<coordinator>\S+) for analyst (?<analyst>\S+)) from the cascade simulation: (?<why>.*?)(?: \(replaces the own judgement '(?<own>[^']*)'\))?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex AcceptedNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<criterion>\S+): cascade suggestion (?<class>\S+) not taken — (?<reason>.*)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex NotTakenNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<quantity>\S+) (?<unit>\S+) from inoperability-hours over (?<hours>\d+) h: (?<parts>.*) \(cascade_impact, indicative\); (?<classed>.*)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex DerivationNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<what>.+) lies in (?<class>\S+): (?<range>.+) \(scale v(?<version>[^,)]+)(?<indicative>, indicative)?\)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ClassedNote();

    /// <summary>
    /// An alert's explanation in the reader's language. The alert evaluation (EvaluateAlerts) writes two fixed English forms,
    /// kept in the record as the CLI and API show them: "TITLE: VALUE UNIT on DATE crosses the LEVEL threshold (T)." and
    /// "TITLE: VALUE UNIT in YEAR is R times the mean of the years before (B)."; any other text is shown as written.
    /// </summary>
    public string AlertExplanation(string note)
    {
        if (IsEnglish) return note;
        if (CrossingNote().Match(note) is { Success: true } c)
            return string.Format(CultureInfo.CurrentCulture, T("alerts.crossingnote"), GeneratedTitle(c.Groups["title"].Value), Number(c.Groups["value"].Value),
                c.Groups["unit"].Value, c.Groups["date"].Value, T("alerts.threshold." + c.Groups["level"].Value), Number(c.Groups["threshold"].Value)).Replace("  ", " ", StringComparison.Ordinal);
        if (JumpNote().Match(note) is { Success: true } j)
            return string.Format(CultureInfo.CurrentCulture, T("alerts.jumpnote"), GeneratedTitle(j.Groups["title"].Value), Number(j.Groups["value"].Value),
                j.Groups["unit"].Value, j.Groups["year"].Value, Number(j.Groups["ratio"].Value), Number(j.Groups["baseline"].Value)).Replace("  ", " ", StringComparison.Ordinal);
        return note;

        static string Number(string invariant) =>
            double.TryParse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("G6", CultureInfo.CurrentCulture) : invariant;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<title>.*): (?<value>\S+) (?<unit>.*?) ?on (?<date>\d{4}-\d{2}-\d{2}) crosses the (?<level>amber|red) threshold \((?<threshold>[^)]*)\)\.$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex CrossingNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<title>.*): (?<value>\S+) (?<unit>.*?) ?in (?<year>\d{4}) is (?<ratio>\S+) times the mean of the years before \((?<baseline>[^)]*)\)\.$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex JumpNote();

    /// <summary>
    /// A problem with a value (a <see cref="Baken.Application.Common.FieldError"/>) in the reader's language: on English
    /// pages as the core writes it (the CLI and the API's problem JSON say the same); on Dutch pages the frame ("regel N: …
    /// is niet toegestaan; toegestaan: …"), the field's label (the register's <c>field.&lt;name&gt;</c>) and what is allowed
    /// (<see cref="Allowed"/>) in Dutch, the line number in the page's culture.
    /// </summary>
    public string Problem(FieldError error)
    {
        if (IsEnglish) return error.ToString();
        var line = error.Line is { } l ? string.Format(CultureInfo.CurrentCulture, T("problem.line"), l) : "";
        var value = DomainValidationException.Shorten(error.Value);
        // The English text decides the frame, so a rule reads the same way in both languages (FieldProblem.Describe).
        return line + string.Format(CultureInfo.CurrentCulture, T(error.Allowed.EndsWith('.') ? "problem.explained" : "problem.notallowed"),
            T($"field.{error.Field}", error.Field), value, Allowed(error));
    }

    /// <summary>What a field allows, in the reader's language (<see cref="Message"/>).</summary>
    public string Allowed(FieldError error) => Message(error.Message);

    /// <summary>
    /// A catalogue text (<see cref="Baken.Domain.ValidationMessage"/>) in the reader's language: on English pages the core's
    /// English; on Dutch pages the resource under its key, its numbers in the page's culture. A text outside the catalogue
    /// (a library's own words) and a key without a resource (the catalogue test forbids it) read as the core wrote them.
    /// </summary>
    public string Message(ValidationMessage message) =>
        IsEnglish ? message.English
        : message.Render(CultureInfo.CurrentCulture, t => Lookup(t.Key) is { ResourceNotFound: false } s ? s.Value : null);

    /// <summary>
    /// What a use case answered, as one line for a page: its message and its problems. English pages show them as the core
    /// wrote them; Dutch pages show the catalogue message (an English message outside the catalogue only when there is
    /// nothing else to say, e.g. "The input is not valid." gives way to the problems it sums up) and each problem in Dutch.
    /// </summary>
    public string Outcome<TValue>(Result<TValue> result)
    {
        if (IsEnglish) return string.Join(" ", new[] { result.Message }.Concat(result.Errors.Select(e => e.ToString())).Where(m => !string.IsNullOrEmpty(m)));
        var said = new[] { result.Text is { } text ? Message(text) : null }.Concat(result.Errors.Select(Problem)).Where(m => !string.IsNullOrEmpty(m)).ToList();
        return said.Count > 0 ? string.Join(" ", said) : Message(result.Said);
    }

    /// <summary>A role's name in the reader's language.</summary>
    public string Role(string role) => T($"role.{role}", role);

    /// <summary>A field's value as shown: enum values and yes/no in words, withheld references marked.</summary>
    public string? FieldValue(RecordField field, string? value) =>
        field.Name == "explanation" && value is not null ? AlertExplanation(value)
        : field.Name == "title" && value is not null ? GeneratedTitle(value)
        : field.Name == "status_note" && value is not null ? WrittenNote(value)
        : field.Name is "from_level" or "to_level" && !string.IsNullOrEmpty(value) ? T("level." + value, value)
        : field.IsChoiceList ? string.Join("; ", OptionLines(value))
        : field.EnumType is { } type ? EnumText(type, value)
        : value is "true" or "false" && field.Rule.Key.StartsWith("allowed.bool", StringComparison.Ordinal) ? T("bool." + value)
        : field.Rule.Key == "allowed.number"
          && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("#,##0.######", CultureInfo.CurrentCulture)
        : field.Rule.Key == "allowed.date.optional"
          && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date)
        : Shown(value);

    /// <summary>A dependency's options (text or JSON form) as lines in the reader's words: "diversifiëren (gekozen): …".</summary>
    public IReadOnlyList<string> OptionLines(string? value)
    {
        IReadOnlyList<DependencyOptionChoice> choices;
        try { choices = DependencyOptionText.Parse(value); }
        catch (DomainValidationException) { choices = DependencyOptionText.Migrate(value); }
        return choices.Select(OptionLine).ToList();
    }

    public string OptionLine(DependencyOptionChoice c) =>
        c.Option is { } o ? EnumText(o) + $" ({EnumText(c.Status)})" + (c.Rationale is { } r ? ": " + r : "") : T("options.other") + ": " + c.Rationale;

    /// <summary>A date in the reader's language: "3 maart 2026" / "3 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A field value as shown: a reference the reader may not see reads "withheld" in their language.</summary>
    public string? Shown(string? value) =>
        value?.Replace(RecordReferences.Withheld, T("ref.withheld"), StringComparison.Ordinal);
}
