using System.Globalization;

namespace Baken.Methods.Strategy;

/// <summary>
/// Input checks shared by the strategy and council rule inputs; every message names the field, the value and what is
/// allowed. Codes are compared ordinally (case-sensitive), so they are kept exactly as given.
/// </summary>
internal static class StrategyGuard
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Code(string? code, string field, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new ArgumentException($"{field} = '{code}' is blank: it needs a non-blank code.", parameterName);
        return code;
    }

    /// <summary>An optional code: null means "none"; a blank string is rejected because it is neither a code nor "none".</summary>
    public static string? OptionalCode(string? code, string field, string parameterName)
    {
        if (code is not null && string.IsNullOrWhiteSpace(code))
            throw new ArgumentException($"{field} = '{code}' is blank: give a non-blank code, or null for none.", parameterName);
        return code;
    }

    public static string Title(string? title, string field, string parameterName)
    {
        if (title is null)
            throw new ArgumentNullException(parameterName, $"{field} is null: give a title (it may be empty).");
        return title;
    }

    /// <summary>An owner is free text; null, empty or white space all mean "no owner", stored as null.</summary>
    public static string? Owner(string? owner) => string.IsNullOrWhiteSpace(owner) ? null : owner;

    public static double? OptionalFinite(double? value, string field, string parameterName)
    {
        if (value is { } v && !double.IsFinite(v))
            throw new ArgumentException($"{field} = {Format(v)} is not a finite number: give a finite number or null.", parameterName);
        return value;
    }

    /// <summary>Copies a list of codes, rejecting null and blank entries and dropping repeats (first occurrence kept).</summary>
    public static IReadOnlyList<string> Codes(IEnumerable<string>? codes, string field, string parameterName)
    {
        if (codes is null)
            throw new ArgumentNullException(parameterName, $"{field} is null: give an empty list for none.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var code in codes)
        {
            Code(code, $"an entry of {field}", parameterName);
            if (seen.Add(code)) list.Add(code);
        }
        return list.AsReadOnly();
    }

    public static void Enum<T>(T value, string field, string parameterName) where T : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(parameterName, value,
                $"{field} = {value} is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    /// <summary>Rejects a null list, null entries and two entries with the same code.</summary>
    public static void UniqueList<T>(IReadOnlyList<T>? items, Func<T, string> code, string what, string parameterName) where T : class
    {
        if (items is null)
            throw new ArgumentNullException(parameterName, $"{parameterName} is null: give an empty list for none.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"{parameterName}[{i}] is null: every {what} must be given.", parameterName);
            if (!seen.Add(code(item)))
                throw new ArgumentException($"{parameterName}[{i}] repeats {what} code '{code(item)}': codes must be unique (ordinal, case-sensitive).", parameterName);
        }
    }
}
