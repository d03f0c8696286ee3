namespace Baken.Domain;

/// <summary>A value that breaks a domain rule. Carries the field, the offending value and what is allowed, for the user.</summary>
public sealed class DomainValidationException(string field, string value, string allowed)
    : Exception($"{field}: '{Shorten(value)}' is not allowed; allowed: {allowed}")
{
    public string Field { get; } = field;
    public string Value { get; } = value;
    public string AllowedValues { get; } = allowed;

    /// <summary>Long values are cut so that an error message never carries a whole hostile payload.</summary>
    public static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
