using System.Text.RegularExpressions;

namespace Baken.Domain;

/// <summary>The business key of a record: what analysts type in the CLI and in import files.</summary>
public static partial class RecordCode
{
    public const int MaxLength = 64;
    public const string Allowed = "1–64 characters: letters, digits, '.', '-' or '_', starting with a letter or digit";

    public static string Validate(string? code, string field = "code")
    {
        var trimmed = code?.Trim() ?? "";
        if (!Pattern().IsMatch(trimmed))
            throw new DomainValidationException(field, code ?? "", Allowed);
        return trimmed;
    }

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code.Trim());

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")]
    private static partial Regex Pattern();
}
