using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baken.Domain.Dependencies;

/// <summary>
/// The options for a flagged strategic dependency in the assessment framework of seed 004 (the cabinet letter on
/// integrated analysis and strategy; METHODS.md §3): accept or delay ("uitstellen"), phase the dependency out by
/// diversifying, stockpiling or substituting, or exercise counter-power ("tegenmacht").
/// </summary>
public enum DependencyOption { AcceptOrDelay, Diversify, Stockpile, Substitute, CounterPower }

/// <summary>Where an option stands: weighed, chosen, or weighed and rejected.</summary>
public enum DependencyOptionStatus { Considered, Chosen, Rejected }

/// <summary>
/// One option weighed for a dependency, with its status and (optionally) its rationale: costs, benefits, why chosen or not.
/// <see cref="Option"/> is null for a note outside the framework's options ("other"), which is how free text that names
/// no option is kept when older records are read (<see cref="DependencyOptionText.Migrate"/>).
/// </summary>
public sealed record DependencyOptionChoice(DependencyOption? Option, DependencyOptionStatus Status = DependencyOptionStatus.Considered, string? Rationale = null)
{
    public bool IsOther => Option is null;
}

/// <summary>
/// The text and JSON forms of a dependency's options. The text form (command line, CSV/XLSX import and export) is one
/// line per option, <c>OPTION [(STATUS)][: rationale]</c>, or several options on one line separated by ';' when no
/// rationale follows (<c>diversify;stockpile (chosen)</c>). The JSON form (API, storage) is an array of objects
/// <c>{"option": "diversify", "status": "chosen", "rationale": "…"}</c>. A part that cannot be read is a field error
/// naming the part and what is allowed, never dropped.
/// </summary>
public static class DependencyOptionText
{
    public const string Other = "other";
    public const int MaxRationaleLength = 4_000;

    /// <summary>The names of the options in the text and JSON forms, in the framework's order.</summary>
    public static readonly IReadOnlyList<string> Names = Enum.GetValues<DependencyOption>().Select(Name).ToArray();

    public static readonly IReadOnlyList<string> StatusNames = Enum.GetValues<DependencyOptionStatus>().Select(Name).ToArray();

    public static string AllowedOptions => OptionNames.English;

    public static string Allowed => Rule.English;

    private static readonly MessageTemplate OptionsRule = new("allowed.options",
        "one line per option 'OPTION (STATUS): rationale' (or options separated by ';'), or a JSON array of objects {{\"option\", \"status\", \"rationale\"}}; OPTION one of {0}; STATUS one of {1} (default considered); each option at most once");
    private static readonly MessageTemplate OptionNamesRule = new("allowed.options.names", "{0}, or '{1}' for a note outside the framework's options");
    private static readonly MessageTemplate OtherNeedsTextRule = new("allowed.options.otherneedstext", "'{0}' needs its text after ':'; {1}");
    private static readonly MessageTemplate RationaleRule = new("allowed.options.rationale", "a rationale of at most {0:N0} characters");
    private static readonly MessageTemplate MemberAsTextRule = new("allowed.options.memberastext", "'{0}' as text; {1}");
    private static readonly MessageTemplate MembersRule = new("allowed.options.members", "members option, status and rationale");
    private static readonly MessageTemplate OptionRule = new("allowed.options.option", "option one of {0}");
    private static readonly MessageTemplate StatusRule = new("allowed.options.status", "status one of {0}");

    /// <summary>What the field takes, as a catalogue text.</summary>
    public static ValidationMessage Rule => OptionsRule.With(OptionNames, string.Join(", ", StatusNames));

    private static ValidationMessage OptionNames => OptionNamesRule.With(string.Join(", ", Names), Other);

    public static string Name(DependencyOption option) => option switch
    {
        DependencyOption.AcceptOrDelay => "accept-or-delay",
        DependencyOption.CounterPower => "counter-power",
        _ => option.ToString().ToLowerInvariant(),
    };

    public static string Name(DependencyOptionStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(DependencyOptionChoice choice) => choice.Option is { } o ? Name(o) : Other;

    /// <summary>The option a word names: its name, an earlier name (accept, delay) or its Dutch word; false for anything else.</summary>
    public static bool TryParseOption(string? word, out DependencyOption? option)
    {
        option = null;
        var key = Normalise(word);
        switch (key)
        {
            case "acceptordelay" or "acceptdelay" or "accept/delay" or "accept" or "delay" or "accepteren" or "uitstellen" or "accepterenofuitstellen" or "accepteren/uitstellen":
                option = DependencyOption.AcceptOrDelay; return true;
            case "diversify" or "diversifiëren" or "diversifieren" or "spreiden":
                option = DependencyOption.Diversify; return true;
            case "stockpile" or "voorraad" or "voorraadvorming" or "voorraadaanleggen":
                option = DependencyOption.Stockpile; return true;
            case "substitute" or "substitueren" or "vervangen":
                option = DependencyOption.Substitute; return true;
            case "counterpower" or "exercisecounterpower" or "tegenmacht" or "tegenmachtuitoefenen":
                option = DependencyOption.CounterPower; return true;
            case "other" or "overig" or "anders":
                return true;
            default:
                return false;
        }
    }

    public static bool TryParseStatus(string? word, out DependencyOptionStatus status)
    {
        status = DependencyOptionStatus.Considered;
        switch (Normalise(word))
        {
            case "" or "considered" or "overwogen": return true;
            case "chosen" or "gekozen": status = DependencyOptionStatus.Chosen; return true;
            case "rejected" or "verworpen" or "afgewezen": status = DependencyOptionStatus.Rejected; return true;
            default: return false;
        }
    }

    private static string Normalise(string? word) =>
        (word ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);

    /// <summary>
    /// Reads the text or JSON form. Throws <see cref="DomainValidationException"/> on <paramref name="field"/> naming the
    /// part that cannot be read (an unknown option or status, an option given twice, a note without text).
    /// </summary>
    public static IReadOnlyList<DependencyOptionChoice> Parse(string? text, string field = "options")
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var trimmed = text.Trim();
        var choices = trimmed.StartsWith('[') ? FromJson(trimmed, field) : FromLines(trimmed, field);
        var twice = choices.GroupBy(Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new DomainValidationException(field, twice.Key, Rule);
        return choices;
    }

    private static List<DependencyOptionChoice> FromLines(string text, string field)
    {
        var choices = new List<DependencyOptionChoice>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                foreach (var part in line.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    choices.Add(Item(part, null, part, field));
            }
            else
            {
                choices.Add(Item(line[..colon], line[(colon + 1)..], line, field));
            }
        }
        return choices;
    }

    /// <summary>One item: <c>OPTION [(STATUS)]</c> and its rationale.</summary>
    private static DependencyOptionChoice Item(string head, string? rationale, string whole, string field)
    {
        head = head.Trim();
        var status = DependencyOptionStatus.Considered;
        var open = head.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            if (!head.EndsWith(')') || !TryParseStatus(head[(open + 1)..^1], out status))
                throw new DomainValidationException(field, whole, Rule);
            head = head[..open];
        }
        if (!TryParseOption(head, out var option))
            throw new DomainValidationException(field, whole, Rule);
        return Choice(option, status, Alias(head, option) + rationale?.Trim(), whole, field);
    }

    /// <summary>The earlier words "accept" and "delay" both mean accept-or-delay; which one was written stays in the rationale.</summary>
    private static string? Alias(string head, DependencyOption? option) =>
        option == DependencyOption.AcceptOrDelay && Normalise(head) is "accept" or "delay" or "accepteren" or "uitstellen" ? head.Trim().ToLowerInvariant() + ": " : null;

    private static DependencyOptionChoice Choice(DependencyOption? option, DependencyOptionStatus status, string? rationale, string whole, string field)
    {
        rationale = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim().TrimEnd(':').Trim();
        if (rationale is { Length: 0 }) rationale = null;
        if (option is null && rationale is null) throw new DomainValidationException(field, whole, OtherNeedsTextRule.With(Other, Rule));
        if (rationale is { Length: > MaxRationaleLength }) throw new DomainValidationException(field, whole, RationaleRule.With(MaxRationaleLength));
        return new DependencyOptionChoice(option, status, rationale);
    }

    private static List<DependencyOptionChoice> FromJson(string json, string field)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }); }
        catch (JsonException) { throw new DomainValidationException(field, json, Rule); }
        if (root is not JsonArray array) throw new DomainValidationException(field, json, Rule);
        var choices = new List<DependencyOptionChoice>();
        foreach (var node in array)
        {
            if (node is not JsonObject item) throw new DomainValidationException(field, node?.ToJsonString() ?? "null", Rule);
            var whole = item.ToJsonString();
            string? option = null, status = null, rationale = null;
            foreach (var (key, value) in item)
            {
                string? Text() => value switch
                {
                    null => null,
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    _ => throw new DomainValidationException(field, whole, MemberAsTextRule.With(key, Rule)),
                };
                switch (key.ToLowerInvariant())
                {
                    case "option": option = Text(); break;
                    case "status": status = Text(); break;
                    case "rationale": rationale = Text(); break;
                    default: throw new DomainValidationException(field, key, MembersRule);
                }
            }
            if (!TryParseOption(option, out var o) || string.IsNullOrWhiteSpace(option))
                throw new DomainValidationException(field, option ?? whole, OptionRule.With(OptionNames));
            if (!TryParseStatus(status, out var s))
                throw new DomainValidationException(field, status ?? "", StatusRule.With(string.Join(", ", StatusNames)));
            choices.Add(Choice(o, s, Alias(option, o) + rationale?.Trim(), whole, field));
        }
        return choices;
    }

    /// <summary>The text form: one line per option; options without rationale on one line separated by ';' when none has one.</summary>
    public static string? Format(IReadOnlyList<DependencyOptionChoice>? choices)
    {
        if (choices is null || choices.Count == 0) return null;
        static string Head(DependencyOptionChoice c) => Name(c) + (c.Status == DependencyOptionStatus.Considered ? "" : $" ({Name(c.Status)})");
        if (choices.All(c => c.Rationale is null)) return string.Join(";", choices.Select(Head));
        return string.Join("\n", choices.Select(c => c.Rationale is { } r ? $"{Head(c)}: {r.ReplaceLineEndings(" ")}" : Head(c)));
    }

    /// <summary>The JSON form (an array, empty when there are none), as the API and the database hold it.</summary>
    public static string ToJson(IReadOnlyList<DependencyOptionChoice>? choices)
    {
        var array = new JsonArray();
        foreach (var c in choices ?? [])
        {
            var item = new JsonObject { ["option"] = Name(c), ["status"] = Name(c.Status) };
            if (c.Rationale is { } r) item["rationale"] = r;
            array.Add(item);
        }
        return array.ToJsonString();
    }

    /// <summary>
    /// Reads what a database holds: the JSON form, or — for a record written when the options were free text — the old
    /// text, migrated: lines that name an option ("diversify: …", "accept: …") become that option with the rest as its
    /// rationale, lines that follow one without naming an option continue its rationale, and everything else is kept
    /// word for word as one 'other' note. Nothing is dropped.
    /// </summary>
    public static IReadOnlyList<DependencyOptionChoice> FromStored(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return [];
        var text = stored.Trim();
        if (text.StartsWith('['))
        {
            try { return FromJson(text, "options"); }
            catch (DomainValidationException) { /* not ours: free text that happens to start with '[' */ }
        }
        return Migrate(text);
    }

    /// <summary>Free text as options without losing a word (see <see cref="FromStored"/>).</summary>
    public static IReadOnlyList<DependencyOptionChoice> Migrate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var choices = new List<(DependencyOption? Option, DependencyOptionStatus Status, StringBuilder Rationale)>();
        var other = new StringBuilder();
        (DependencyOption? Option, DependencyOptionStatus Status, StringBuilder Rationale)? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var head = colon < 0 ? line : line[..colon];
            var rest = colon < 0 ? "" : line[(colon + 1)..].Trim();
            if (TryHead(head, out var option, out var status) && option is not null)
            {
                var existing = choices.FindIndex(c => c.Option == option);
                var rationale = new StringBuilder((Alias(head, option) + rest).Trim());
                if (existing >= 0)
                {
                    // The same option twice: one entry, both texts.
                    var e = choices[existing];
                    if (rationale.Length > 0) Append(e.Rationale, rationale.ToString());
                    if (status != DependencyOptionStatus.Considered) choices[existing] = e with { Status = status };
                    current = choices[existing];
                }
                else
                {
                    current = (option, status, rationale);
                    choices.Add(current.Value);
                }
            }
            else if (current is { } c && colon < 0)
            {
                Append(c.Rationale, line);
            }
            else
            {
                current = null;
                Append(other, line);
            }
        }
        var result = choices.Select(c => new DependencyOptionChoice(c.Option, c.Status, c.Rationale.Length == 0 ? null : c.Rationale.ToString())).ToList();
        if (other.Length > 0) result.Add(new DependencyOptionChoice(null, DependencyOptionStatus.Considered, other.ToString()));
        return result;

        static void Append(StringBuilder sb, string line)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(line);
        }
    }

    private static bool TryHead(string head, out DependencyOption? option, out DependencyOptionStatus status)
    {
        status = DependencyOptionStatus.Considered;
        option = null;
        var open = head.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            if (!head.TrimEnd().EndsWith(')') || !TryParseStatus(head[(open + 1)..head.LastIndexOf(')')], out status)) return false;
            head = head[..open];
        }
        return TryParseOption(head, out option);
    }
}
