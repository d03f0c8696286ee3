using System.Text.RegularExpressions;

namespace Baken.Domain;

/// <summary>The business key of a record: what analysts type in the CLI and in import files.</summary>
public static partial class RecordCode
{
    public const int MaxLength = 64;
    public const string Allowed = "1–64 characters: letters, digits, '.', '-' or '_', starting with a letter or digit";

    /// <summary><see cref="Allowed"/> as a catalogue text, for field errors.</summary>
    public static readonly MessageTemplate Rule = new("allowed.code", Allowed);

    public static string Validate(string? code, string field = "code")
    {
        var trimmed = code?.Trim() ?? "";
        if (!Pattern().IsMatch(trimmed))
            throw new DomainValidationException(field, code ?? "", Rule);
        return trimmed;
    }

    /// <summary>
    /// A key that sorts codes as people expect in plain SQL ordering: lower case, each run of digits zero-padded to
    /// 12 places, so "S-9" comes before "S-10" and "2.9" before "2.10".
    /// </summary>
    public static string SortKey(string code) =>
        DigitRun().Replace(code.ToLowerInvariant(), m => m.Value.TrimStart('0').PadLeft(12, '0'));

    public const int SortKeyMaxLength = 256;

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitRun();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code.Trim());

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")]
    private static partial Regex Pattern();
}
