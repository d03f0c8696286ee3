namespace Baken.Methods.Dependencies;

/// <summary>
/// A named set of countries by their trade-data codes (ISO 3166 numeric as BACI uses them; BACI departs from ISO
/// for some, e.g. 251 France incl. Monaco, 381 Italy, 579 Norway, 699 India, 757 Switzerland, 842 USA).
/// Membership is data: a group read from a file is as good as the built-in one.
/// </summary>
public sealed class CountryGroup
{
    private readonly HashSet<int> members;

    /// <param name="name">Short name shown in outputs, e.g. "EU27".</param>
    /// <param name="members">Country codes, each in [0, 999]; at least one.</param>
    public CountryGroup(string name, IEnumerable<int> members)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A country group needs a name.", nameof(name));
        ArgumentNullException.ThrowIfNull(members);
        this.members = [];
        foreach (var code in members)
        {
            if (code is < 0 or > 999)
                throw new ArgumentOutOfRangeException(nameof(members), code,
                    $"Country code {code} in group '{name}' is outside [0, 999] (3-digit numeric codes).");
            this.members.Add(code);
        }
        if (this.members.Count == 0)
            throw new ArgumentException($"Country group '{name}' has no members.", nameof(members));
        Name = name;
    }

    public string Name { get; }

    public IReadOnlySet<int> Members => members;

    public bool Contains(int countryCode) => members.Contains(countryCode);

    /// <summary>
    /// The 27 EU member states since 1 February 2020, in BACI codes, plus BACI's 58 Belgium-Luxembourg (used in
    /// data before 1999), whose two members are both in the EU.
    /// </summary>
    public static CountryGroup Eu27 { get; } = new("EU27", EuropeanUnion.Members.Select(m => m.Code).Append(58));
}

/// <summary>A member state of the European Union as it appears in BACI.</summary>
/// <param name="Code">BACI country code.</param>
/// <param name="Iso3">ISO 3166 alpha-3 code.</param>
/// <param name="Name">English short name.</param>
public sealed record EuMemberState(int Code, string Iso3, string Name);

/// <summary>EU-27 membership (since the United Kingdom left on 1 February 2020), with BACI's codes.</summary>
public static class EuropeanUnion
{
    public static IReadOnlyList<EuMemberState> Members { get; } =
    [
        new(40, "AUT", "Austria"), new(56, "BEL", "Belgium"), new(100, "BGR", "Bulgaria"), new(191, "HRV", "Croatia"),
        new(196, "CYP", "Cyprus"), new(203, "CZE", "Czechia"), new(208, "DNK", "Denmark"), new(233, "EST", "Estonia"),
        new(246, "FIN", "Finland"), new(251, "FRA", "France"), new(276, "DEU", "Germany"), new(300, "GRC", "Greece"),
        new(348, "HUN", "Hungary"), new(372, "IRL", "Ireland"), new(381, "ITA", "Italy"), new(428, "LVA", "Latvia"),
        new(440, "LTU", "Lithuania"), new(442, "LUX", "Luxembourg"), new(470, "MLT", "Malta"), new(528, "NLD", "Netherlands"),
        new(616, "POL", "Poland"), new(620, "PRT", "Portugal"), new(642, "ROU", "Romania"), new(703, "SVK", "Slovakia"),
        new(705, "SVN", "Slovenia"), new(724, "ESP", "Spain"), new(752, "SWE", "Sweden"),
    ];
}
