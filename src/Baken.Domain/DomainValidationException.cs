using System.Globalization;

namespace Baken.Domain;

/// <summary>A value that breaks a domain rule. Carries the field, the offending value and what is allowed, for the user.</summary>
public sealed class DomainValidationException(string field, string value, ValidationMessage allowed)
    : Exception(FieldProblem.Describe(field, value, allowed.English))
{
    public string Field { get; } = field;
    public string Value { get; } = value;

    /// <summary>What is allowed, as a key with arguments (hosts translate it).</summary>
    public ValidationMessage Allowed { get; } = allowed;

    /// <summary>What is allowed in English, as the CLI and the API say it.</summary>
    public string AllowedValues => Allowed.English;

    /// <summary>Long values are cut so that an error message never carries a whole hostile payload.</summary>
    public static string Shorten(string value) => FieldProblem.Shorten(value);
}

/// <summary>The one way a problem with a value is written in English: "line 3: field: 'value' is not allowed; allowed: …".</summary>
public static class FieldProblem
{
    /// <summary>
    /// The sentence for one problem. Some rules explain themselves in a sentence ending in '.' ("Unknown classification;
    /// allowed: …."); they follow a dash instead of "is not allowed; allowed:".
    /// </summary>
    public static string Describe(string field, string value, string allowed, int? line = null) =>
        (line is { } l ? string.Create(CultureInfo.InvariantCulture, $"line {l}: ") : "") + $"{field}: " + ValueProblem(value, allowed);

    /// <summary>The problem without the field: "'value' is not allowed; allowed: …" (or "'value' — explanation.").</summary>
    public static string ValueProblem(string value, string allowed) =>
        $"'{Shorten(value)}'" + (allowed.EndsWith('.') ? $" — {allowed}" : $" is not allowed; allowed: {allowed}");

    /// <summary>Long values are cut so that an error message never carries a whole hostile payload.</summary>
    public static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
