using System.Globalization;

namespace Baken.Methods.Measures;

/// <summary>Input checks shared by the measure value types; every message names the field, the value and what is allowed.</summary>
internal static class MeasureGuard
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static void Finite(double value, string field, string parameterName)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"{field} = {Format(value)} is not a finite number.", parameterName);
    }

    public static void NonNegative(double value, string field, string parameterName)
    {
        Finite(value, field, parameterName);
        if (value < 0)
            throw new ArgumentOutOfRangeException(parameterName, value, $"{field} = {Format(value)} is negative: it must be ≥ 0.");
    }

    public static void Fraction(double value, string field, string parameterName)
    {
        Finite(value, field, parameterName);
        if (value is < 0 or > 1)
            throw new ArgumentOutOfRangeException(parameterName, value, $"{field} = {Format(value)} lies outside [0, 1].");
    }

    public static string Code(string? code, string field, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new ArgumentException($"{field} is blank: it needs a code or id.", parameterName);
        return code;
    }

    /// <summary>Copies a code-keyed map, rejecting blank keys and values outside what <paramref name="check"/> allows.</summary>
    public static IReadOnlyDictionary<string, double> Map(
        IReadOnlyDictionary<string, double>? map, string field, string parameterName, Action<double, string, string> check)
    {
        if (map is null) return new Dictionary<string, double>(StringComparer.Ordinal);
        var copy = new Dictionary<string, double>(map.Count, StringComparer.Ordinal);
        foreach (var (code, value) in map)
        {
            Code(code, $"a criterion code in {field}", parameterName);
            check(value, $"{field}['{code}']", parameterName);
            copy[code] = value;
        }
        return copy;
    }

    public static IReadOnlyList<string> Ids(IEnumerable<string>? ids, string field, string parameterName)
    {
        if (ids is null) return [];
        var list = new List<string>();
        foreach (var id in ids)
        {
            Code(id, $"an entry of {field}", parameterName);
            if (!list.Contains(id, StringComparer.Ordinal)) list.Add(id);
        }
        return list;
    }
}
