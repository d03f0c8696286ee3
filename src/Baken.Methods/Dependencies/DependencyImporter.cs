namespace Baken.Methods.Dependencies;

/// <summary>
/// Whose dependency is screened: either a bloc taken as one importer (EU-27: flows among its members are not
/// imports from a supplier, though they count in total imports and in the bloc's exports) or one country, whose
/// "extra" imports are those from outside a reference group (the EU for the Netherlands).
/// </summary>
public sealed class DependencyImporter
{
    private DependencyImporter(string name, CountryGroup members, CountryGroup inside)
    {
        Name = name;
        Members = members;
        Inside = inside;
    }

    /// <summary>Name shown in outputs ("EU27", "NLD").</summary>
    public string Name { get; }

    /// <summary>The importing countries.</summary>
    public CountryGroup Members { get; }

    /// <summary>Suppliers inside this group are not "extra" (extra-EU for both EU-27 and an EU member).</summary>
    public CountryGroup Inside { get; }

    /// <summary>The EU-27 as one importer.</summary>
    public static DependencyImporter Eu27 { get; } = Bloc(CountryGroup.Eu27);

    /// <summary>The Netherlands (BACI 528), with extra-EU suppliers counted as extra.</summary>
    public static DependencyImporter Netherlands { get; } = Country(528, "NLD", CountryGroup.Eu27);

    /// <summary>A bloc as one importer; extra means from outside the bloc.</summary>
    public static DependencyImporter Bloc(CountryGroup bloc)
    {
        ArgumentNullException.ThrowIfNull(bloc);
        return new DependencyImporter(bloc.Name, bloc, bloc);
    }

    /// <summary>One country as importer.</summary>
    /// <param name="countryCode">Trade-data code of the importer, in [0, 999].</param>
    /// <param name="name">Name for outputs, e.g. the ISO3 code.</param>
    /// <param name="inside">Suppliers in this group are not extra (usually the EU-27).</param>
    public static DependencyImporter Country(int countryCode, string name, CountryGroup inside)
    {
        ArgumentNullException.ThrowIfNull(inside);
        return new DependencyImporter(name, new CountryGroup(name, [countryCode]), inside);
    }
}
