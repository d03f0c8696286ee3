namespace Baken.Methods.Cascades;

/// <summary>Validation shared by the IIM value types: sector names identify rows and columns.</summary>
internal static class SectorList
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<string>? sectors, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(sectors, parameterName);
        if (sectors.Count == 0)
            throw new ArgumentException($"{parameterName} is empty: an IIM needs at least one sector.", parameterName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sectors.Count; i++)
        {
            var name = sectors[i];
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException($"{parameterName}[{i}] is blank: every sector needs a name.", parameterName);
            if (!seen.Add(name))
                throw new ArgumentException($"{parameterName}[{i}] = '{name}' occurs twice: sector names must be unique.", parameterName);
        }
        return sectors.ToArray();
    }

    public static int IndexOf(IReadOnlyList<string> sectors, string sector, string parameterName)
    {
        for (var i = 0; i < sectors.Count; i++)
            if (string.Equals(sectors[i], sector, StringComparison.Ordinal)) return i;
        throw new ArgumentException(
            $"Sector '{sector}' (in {parameterName}) is not one of the model's sectors ({string.Join(", ", sectors)}).",
            parameterName);
    }

    public static void RequireFinite(double value, string what, string parameterName)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"{what} = {value} is not a finite number.", parameterName);
    }
}
