using System.Globalization;
using Baken.Methods.Dependencies;

namespace Baken.Infrastructure.Dependencies;

/// <summary>Turns the importer named on the command line ("EU27", "NLD", "528") into a <see cref="DependencyImporter"/>.</summary>
public static class DependencyImporterParser
{
    /// <summary>
    /// "EU27" (or "EU-27", "EU") is the EU-27 as one importer. A 3-letter code is an ISO alpha-3 code: EU members
    /// are known without a dictionary, other countries need <paramref name="countries"/>. Digits are a BACI code.
    /// A single country's extra imports are those from outside the EU-27.
    /// </summary>
    /// <exception cref="ArgumentException">The text names no known importer.</exception>
    public static DependencyImporter Parse(string text, BaciCountryDictionary? countries = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var key = text.Trim().ToUpperInvariant();
        if (key is "EU27" or "EU-27" or "EU") return DependencyImporter.Eu27;
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            if (code > 999)
                throw new ArgumentException($"Importer '{text}' is not a 3-digit BACI country code.", nameof(text));
            var name = countries?.Find(code)?.Iso3 is { Length: > 0 } iso ? iso
                : EuropeanUnion.Members.FirstOrDefault(m => m.Code == code)?.Iso3 ?? code.ToString(CultureInfo.InvariantCulture);
            return DependencyImporter.Country(code, name, CountryGroup.Eu27);
        }
        if (EuropeanUnion.Members.FirstOrDefault(m => m.Iso3 == key) is { } member)
            return DependencyImporter.Country(member.Code, member.Iso3, CountryGroup.Eu27);
        if (countries?.FindByIso3(key) is { } country)
            return DependencyImporter.Country(country.Code, key, CountryGroup.Eu27);
        throw new ArgumentException(
            $"Importer '{text}' is not EU27, an EU member's ISO3 code, a BACI country code"
            + (countries is null ? ", nor known without the BACI country dictionary." : ", nor an ISO3 code of the country dictionary."),
            nameof(text));
    }
}
