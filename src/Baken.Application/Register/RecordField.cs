using System.Globalization;
using System.Linq.Expressions;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Dependencies;
using Baken.Domain.Security;

namespace Baken.Application.Register;

/// <summary>
/// One editable field of a kind of register record, with its parser. Every write path (API, CLI, import,
/// web form) goes through <see cref="Set"/>, so the same value is refused with the same message everywhere.
/// </summary>
public sealed class RecordField
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>What the field takes, as a catalogue text (hosts translate it); <see cref="Allowed"/> is its English.</summary>
    public required ValidationMessage Rule { get; init; }
    public string Allowed => Rule.English;
    public bool Required { get; init; }
    /// <summary>A new record that omits this field keeps the entity's default (enums, numbers) instead of failing.</summary>
    public bool HasDefault { get; init; }
    /// <summary>The kind whose code this field holds, checked against the register on save (null when not a reference).</summary>
    public string? References { get; init; }
    /// <summary>The field holds several codes of <see cref="References"/> separated by ';', each checked on save.</summary>
    public bool ReferencesMany { get; init; }
    /// <summary>The entity property behind a reference field, so the records that refer to a code are found in SQL.</summary>
    public string? Property { get; init; }
    /// <summary>
    /// The property is a typed list of codes (<c>List&lt;string&gt;</c>, an EF Core primitive collection), not text: lookups
    /// and filters ask the database whether the list holds a code (<see cref="CodeListQueries"/>). <see cref="Get"/> and
    /// <see cref="Set"/> still speak the ';'-separated text form of files, the command line and the API.
    /// </summary>
    public bool IsCodeList { get; init; }
    /// <summary>The allowed values when the field is a choice of one (shown as a list); null for free input.</summary>
    public IReadOnlyList<string>? Choices { get; init; }
    /// <summary>The enum behind a choice field, so hosts can show its values in the reader's language (null otherwise).</summary>
    public Type? EnumType { get; init; }
    /// <summary>Long free text (rendered as a text area; never as markup).</summary>
    public bool Multiline { get; init; }
    /// <summary>
    /// A list of typed choices (a dependency's options): <see cref="Get"/> and <see cref="Set"/> speak its text form (files,
    /// command line), <see cref="Set"/> also takes its JSON form, <see cref="GetJson"/> gives the JSON array the API returns,
    /// and hosts show it as choices (<see cref="EnumType"/> names the enum of the options). Null for other fields.
    /// </summary>
    public Func<Record, string>? GetJson { get; init; }
    /// <summary>
    /// The kinds a field of typed links may name (<see cref="RecordLink"/>; "kind:code" separated by ';' in the text form),
    /// null for other fields. A record a link names is referred to like any code reference (<see cref="RecordReferences"/>).
    /// </summary>
    public IReadOnlyList<string>? LinkKinds { get; init; }
    /// <summary>The links a record holds in this field (one at most when <see cref="ReferencesMany"/> is false); null for other fields.</summary>
    public Func<Record, IReadOnlyList<RecordLink>>? Links { get; init; }
    public bool IsChoiceList => GetJson is not null;
    public required Func<Record, string?> Get { get; init; }
    public required Action<Record, string?> Set { get; init; }
}

/// <summary>Builds the fields of one record type with parsers that name the field, the value and what is allowed.</summary>
public sealed class RecordFieldBuilder<T> where T : Record
{
    public const int MaxTextLength = 400;
    public const int MaxLongTextLength = 20_000;

    private readonly List<RecordField> _fields = [];

    /// <summary>The rule of the short text every record has (provenance).</summary>
    internal static ValidationMessage ShortTextRule => TextRule.With(MaxTextLength);

    /// <summary>The rule of a plain yes/no column (publishable).</summary>
    internal static ValidationMessage PlainBool => PlainBoolRule;

    // The rules' texts. A field's rule names its own numbers and kinds, so one text serves every field of its type.
    private static readonly MessageTemplate RequiredTextRule = new("allowed.text.required", "required text of at most {0:N0} characters");
    private static readonly MessageTemplate TextRule = new("allowed.text", "text of at most {0:N0} characters");
    private static readonly MessageTemplate RequiredCodeTextRule = new("allowed.text.requiredcode", "required text of at most {0:N0} characters (the code of a {1})");
    private static readonly MessageTemplate CodeTextRule = new("allowed.text.code", "text of at most {0:N0} characters (the code of a {1})");
    private static readonly MessageTemplate WithoutControlRule = new("allowed.text.nocontrol", "{0} without control characters");
    private static readonly MessageTemplate LongTextRule = new("allowed.text.long", "at most {0:N0} characters without control characters");
    private static readonly MessageTemplate OneOfRule = new("allowed.enum.one", "one of {0}");
    private static readonly MessageTemplate OneOrMoreRule = new("allowed.enum.many", "one or more of {0} separated by ';'");
    private static readonly MessageTemplate WholeRule = new("allowed.number.whole", "a whole number from {0} to {1}");
    private static readonly MessageTemplate NumberRule = new("allowed.number", "a finite number with '.' as decimal separator, or empty");
    private static readonly MessageTemplate BoolRule = new("allowed.bool", "true or false (also yes/no, ja/nee, 1/0)");
    private static readonly MessageTemplate DateRule = new("allowed.date.optional", "a date as yyyy-MM-dd, or empty");
    private static readonly MessageTemplate CodesRule = new("allowed.codes", "codes of existing {0} records separated by ';', at most {1:N0} characters");
    private static readonly MessageTemplate ClassRule = new("allowed.class", "one of A, B, C, D, E, or empty");
    private static readonly MessageTemplate PlainBoolRule = new("allowed.bool.plain", "true or false");
    private static readonly MessageTemplate ClassOrXRule = new("allowed.class.x", "one of X, A, B, C, D, E, or empty");

    public IReadOnlyList<RecordField> Fields => _fields;

    public RecordFieldBuilder<T> Text(string name, string description, Expression<Func<T, string?>> getter, Action<T, string?> set,
        bool required = false, bool multiline = false, string? references = null)
    {
        var get = getter.Compile();
        var max = multiline ? MaxLongTextLength : MaxTextLength;
        var allowed = references is null ? (required ? RequiredTextRule : TextRule).With(max)
            : (required ? RequiredCodeTextRule : CodeTextRule).With(max, references);
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed, Required = required, Multiline = multiline, References = references,
            Property = references is null ? null : PropertyName(getter, name),
            Get = r => get((T)r),
            Set = (r, v) => set((T)r, ParseText(name, v, required, max, allowed)),
        });
        return this;
    }

    /// <param name="required">True when a new record must state it; otherwise the entity's default stands.</param>
    public RecordFieldBuilder<T> Enum<TEnum>(string name, string description, Func<T, TEnum> get, Action<T, TEnum> set, bool required = false)
        where TEnum : struct, System.Enum
    {
        var names = System.Enum.GetNames<TEnum>().Where(n => n != "None").Select(ToKebab).ToArray();
        var isFlags = typeof(TEnum).IsDefined(typeof(FlagsAttribute), false);
        var allowed = (isFlags ? OneOrMoreRule : OneOfRule).With(string.Join(", ", names));
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed, Required = required, HasDefault = !required,
            Choices = isFlags ? null : names, EnumType = typeof(TEnum),
            Get = r => FormatEnum(get((T)r), isFlags),
            Set = (r, v) => set((T)r, ParseEnum<TEnum>(name, v, isFlags, allowed)),
        });
        return this;
    }

    /// <summary>
    /// The options of a dependency weighed in seed 004's framework, each with a status and a rationale: the text form
    /// (<c>diversify (chosen): two suppliers; stockpile</c>) or a JSON array of objects, an unknown part a field error.
    /// </summary>
    public RecordFieldBuilder<T> OptionChoices(string name, string description,
        Func<T, IReadOnlyList<DependencyOptionChoice>> get, Action<T, IReadOnlyList<DependencyOptionChoice>> set)
    {
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = DependencyOptionText.Rule, Multiline = true, EnumType = typeof(DependencyOption),
            Get = r => DependencyOptionText.Format(get((T)r)),
            GetJson = r => DependencyOptionText.ToJson(get((T)r)),
            Set = (r, v) =>
            {
                if (v is { Length: > MaxLongTextLength } || (v ?? "").Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
                    throw new DomainValidationException(name, v ?? "", LongTextRule.With(MaxLongTextLength));
                set((T)r, DependencyOptionText.Parse(v?.Replace("\r\n", "\n", StringComparison.Ordinal), name));
            },
        });
        return this;
    }

    public RecordFieldBuilder<T> Int(string name, string description, Func<T, int> get, Action<T, int> set, int min, int max)
    {
        var allowed = WholeRule.With(min, max);
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed, Required = true, HasDefault = true,
            Get = r => get((T)r).ToString(CultureInfo.InvariantCulture),
            Set = (r, v) =>
            {
                if (!int.TryParse(v?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                    throw new DomainValidationException(name, v ?? "", allowed);
                set((T)r, n);
            },
        });
        return this;
    }

    public RecordFieldBuilder<T> Number(string name, string description, Func<T, double?> get, Action<T, double?> set)
    {
        var allowed = NumberRule;
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed,
            Get = r => get((T)r)?.ToString("R", CultureInfo.InvariantCulture),
            Set = (r, v) =>
            {
                if (string.IsNullOrWhiteSpace(v)) { set((T)r, null); return; }
                if (!double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    throw new DomainValidationException(name, v, allowed);
                set((T)r, d);
            },
        });
        return this;
    }

    public RecordFieldBuilder<T> Bool(string name, string description, Func<T, bool> get, Action<T, bool> set)
    {
        ValidationMessage allowed = BoolRule;
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed,
            Get = r => get((T)r) ? "true" : "false",
            Set = (r, v) => set((T)r, ParseBool(name, v, allowed)),
        });
        return this;
    }

    public RecordFieldBuilder<T> Date(string name, string description, Func<T, DateOnly?> get, Action<T, DateOnly?> set)
    {
        var allowed = DateRule;
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed,
            Get = r => get((T)r)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Set = (r, v) =>
            {
                if (string.IsNullOrWhiteSpace(v)) { set((T)r, null); return; }
                if (!DateOnly.TryParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new DomainValidationException(name, v, allowed);
                set((T)r, d);
            },
        });
        return this;
    }

    /// <summary>Codes of another kind separated by ';' (stored trimmed, without duplicates), each checked against the register on save.</summary>
    public RecordFieldBuilder<T> Codes(string name, string description, Expression<Func<T, string?>> getter, Action<T, string?> set, string references)
    {
        var get = getter.Compile();
        var allowed = CodesRule.With(references, MaxTextLength);
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed, References = references, ReferencesMany = true,
            Property = PropertyName(getter, name),
            Get = r => get((T)r),
            Set = (r, v) =>
            {
                var text = ParseText(name, v, false, MaxTextLength, allowed);
                set((T)r, text is null ? null : string.Join(";", SplitCodes(text).Distinct(StringComparer.Ordinal)));
            },
        });
        return this;
    }

    /// <summary>
    /// Codes of another kind held as a typed list (each checked against the register on save). The list is an EF Core
    /// primitive collection rather than a value type with a converter: a converted column is opaque to queries, while a
    /// primitive collection (JSON on SQLite, <c>text[]</c> on PostgreSQL) lets "which records hold code X" and list filters
    /// run in SQL on both databases. The text form ("a;b;c") is only the field's <see cref="RecordField.Get"/>/<see cref="RecordField.Set"/>.
    /// </summary>
    public RecordFieldBuilder<T> Codes(string name, string description, Expression<Func<T, List<string>>> getter, Action<T, List<string>> set, string references)
    {
        var get = getter.Compile();
        var allowed = CodesRule.With(references, MaxTextLength);
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed, References = references, ReferencesMany = true, IsCodeList = true,
            Property = PropertyName(getter, name),
            // An empty list reads as no value, as the text column's null did: exports, the API and history read the same.
            Get = r => get((T)r) is { Count: > 0 } codes ? string.Join(";", codes) : null,
            Set = (r, v) => set((T)r, ParseCodes(name, v, allowed)),
        });
        return this;
    }

    /// <summary>
    /// Links to records of several kinds (<paramref name="kinds"/>) held as a typed list (one JSON column): the text form,
    /// "kind:code" separated by ';', is only the field's <see cref="RecordField.Get"/>/<see cref="RecordField.Set"/>. Each link
    /// is checked against the register on save and counts as a reference when its record is deleted.
    /// </summary>
    public RecordFieldBuilder<T> Links(string name, string description, Expression<Func<T, IReadOnlyList<RecordLink>>> getter, Action<T, IReadOnlyList<RecordLink>> set,
        IReadOnlyList<string> kinds)
    {
        var get = getter.Compile();
        return LinkField(name, description, PropertyName(getter, name), kinds, required: false, r => get((T)r), (r, links) => set(r, links));
    }

    /// <summary>
    /// One link to a record of one of <paramref name="kinds"/> ("kind:code" in its text form), required: held typed (one JSON
    /// column, found by equality in SQL), checked against the register on save, and a reference when its record is deleted.
    /// </summary>
    public RecordFieldBuilder<T> Link(string name, string description, Expression<Func<T, RecordLink?>> getter, Action<T, RecordLink> set,
        IReadOnlyList<string> kinds)
    {
        var get = getter.Compile();
        return LinkField(name, description, PropertyName(getter, name), kinds, required: true, r => get((T)r) is { } link ? [link] : [],
            (r, links) => set(r, links is [var one] ? one : throw new DomainValidationException(name, QualifiedCodes.Format(links) ?? "", AllowedTexts.RegisterQualifiedCodes.With(string.Join(", ", kinds)))));
    }

    private RecordFieldBuilder<T> LinkField(string name, string description, string property, IReadOnlyList<string> kinds, bool required,
        Func<Record, IReadOnlyList<RecordLink>> links, Action<T, IReadOnlyList<RecordLink>> set)
    {
        var allowed = (required ? RequiredTextRule : TextRule).With(MaxTextLength);
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed, Required = required, ReferencesMany = !required, LinkKinds = kinds,
            Property = property,
            Links = links,
            Get = r => QualifiedCodes.Format(links(r)),
            Set = (r, v) => set((T)r, QualifiedCodes.Read(ParseText(name, v, required, MaxTextLength, allowed), name, kinds)),
        });
        return this;
    }

    /// <summary>
    /// Names that are no register records (user names, labels, compartments) held as a typed list like <see cref="Codes(string, string, Expression{Func{T, List{string}}}, Action{T, List{string}}, string)"/>:
    /// a list filter asks the database, the text form ("a;b") is only the field's <see cref="RecordField.Get"/>/<see cref="RecordField.Set"/>.
    /// The rule stays that of the text the field used to be, so what the field allows reads as before; <paramref name="empty"/>
    /// is what an empty list reads as (null, or "" where the text column was never null), so show, export and history read as before.
    /// </summary>
    public RecordFieldBuilder<T> Names(string name, string description, Expression<Func<T, List<string>>> getter, Action<T, List<string>> set, string? empty = null)
    {
        var get = getter.Compile();
        var allowed = TextRule.With(MaxTextLength);
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed, IsCodeList = true,
            Property = PropertyName(getter, name),
            Get = r => get((T)r) is { Count: > 0 } names ? string.Join(";", names) : empty,
            Set = (r, v) => set((T)r, SplitCodes(ParseText(name, v, false, MaxTextLength, allowed)).Distinct(StringComparer.Ordinal).ToList()),
        });
        return this;
    }

    /// <summary>
    /// The codes of a ';'-separated text, trimmed and without duplicates; empty parts (";;", a trailing ';') are no codes.
    /// A part that is no code (longer than a code may be) is a field error naming it, never dropped.
    /// </summary>
    internal static List<string> ParseCodes(string field, string? value, ValidationMessage allowed)
    {
        var text = ParseText(field, value, false, MaxTextLength, allowed);
        var codes = SplitCodes(text).Distinct(StringComparer.Ordinal).ToList();
        if (codes.FirstOrDefault(c => c.Length > RecordCode.MaxLength) is { } tooLong)
            throw new DomainValidationException(field, tooLong, allowed);
        return codes;
    }

    /// <summary>A classification level (by Dutch name, abbreviation or 0–4), e.g. a meeting's security level or a seat's clearance.</summary>
    public RecordFieldBuilder<T> Level(string name, string description, Func<T, ClassificationLevel> get, Action<T, ClassificationLevel> set)
    {
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = ClassificationLevels.Rule, Required = true, HasDefault = true,
            Choices = System.Enum.GetValues<ClassificationLevel>().Select(l => ClassificationLevels.DisplayName(l)).ToArray(),
            Get = r => ClassificationLevels.DisplayName(get((T)r)),
            Set = (r, v) =>
            {
                if (!ClassificationLevels.TryParse(v, out var level))
                    throw new DomainValidationException(name, v ?? "", ClassificationLevels.Rule);
                set((T)r, level);
            },
        });
        return this;
    }

    /// <summary>The property a reference field reads (<c>r => r.ThemeCode</c>); a reference must be a plain property.</summary>
    private static string PropertyName(LambdaExpression getter, string field) =>
        getter.Body is MemberExpression { Member: System.Reflection.PropertyInfo p } ? p.Name
            : throw new InvalidOperationException($"Field {field}: a reference field must read a plain property of {typeof(T).Name}.");

    /// <summary>The codes of a ';'-separated list, trimmed, empty parts dropped.</summary>
    public static IEnumerable<string> SplitCodes(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A class letter A–E (X allowed when <paramref name="allowX"/>), or empty when unknown.</summary>
    public RecordFieldBuilder<T> ClassLetter(string name, string description, Func<T, string?> get, Action<T, string?> set, bool allowX = false)
    {
        ValidationMessage allowed = allowX ? ClassOrXRule : ClassRule;
        _fields.Add(new RecordField
        {
            Name = name, Description = description, Rule = allowed,
            Get = r => get((T)r),
            Set = (r, v) =>
            {
                if (string.IsNullOrWhiteSpace(v)) { set((T)r, null); return; }
                var c = v.Trim().ToUpperInvariant();
                if (c.Length != 1 || !(allowX ? "XABCDE" : "ABCDE").Contains(c[0]))
                    throw new DomainValidationException(name, v, allowed);
                set((T)r, c);
            },
        });
        return this;
    }

    internal static string? ParseText(string field, string? value, bool required, int max, ValidationMessage allowed)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) throw new DomainValidationException(field, value ?? "", allowed);
            return null;
        }
        // Control characters other than line breaks and tabs have no place in register text and can hide content.
        if (text.Length > max || text.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
            throw new DomainValidationException(field, text, WithoutControlRule.With(allowed));
        return text;
    }

    internal static bool ParseBool(string field, string? value, ValidationMessage allowed) =>
        (value?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "false" or "no" or "nee" or "0" => false,
            "true" or "yes" or "ja" or "1" => true,
            _ => throw new DomainValidationException(field, value ?? "", allowed),
        };

    private static TEnum ParseEnum<TEnum>(string field, string? value, bool isFlags, ValidationMessage allowed) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainValidationException(field, value ?? "", allowed);
        if (!isFlags) return ParseOne<TEnum>(field, value, allowed);
        ulong bits = 0;
        foreach (var part in value.Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            bits |= Convert.ToUInt64(ParseOne<TEnum>(field, part, allowed), CultureInfo.InvariantCulture);
        return (TEnum)System.Enum.ToObject(typeof(TEnum), bits);
    }

    private static TEnum ParseOne<TEnum>(string field, string value, ValidationMessage allowed) where TEnum : struct, System.Enum
    {
        var key = value.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        foreach (var n in System.Enum.GetNames<TEnum>())
            if (n != "None" && string.Equals(n, key, StringComparison.OrdinalIgnoreCase))
                return System.Enum.Parse<TEnum>(n);
        throw new DomainValidationException(field, value, allowed);
    }

    private static string FormatEnum<TEnum>(TEnum value, bool isFlags) where TEnum : struct, System.Enum
    {
        if (!isFlags) return ToKebab(value.ToString());
        var bits = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
        return string.Join(";", System.Enum.GetValues<TEnum>()
            .Where(v => Convert.ToUInt64(v, CultureInfo.InvariantCulture) is var b && b != 0 && (bits & b) == b)
            .Select(v => ToKebab(v.ToString())));
    }

    internal static string ToKebab(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }
}
