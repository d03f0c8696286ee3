using System.Globalization;
using System.Text;
using CsvHelper;

namespace Baken.Infrastructure.Dependencies;

/// <summary>An HS 6-digit product of the BACI product dictionary.</summary>
/// <param name="Hs6">Product code as a number (write it with 6 digits).</param>
/// <param name="Description">English description.</param>
public sealed record BaciProduct(int Hs6, string Description);

/// <summary>The BACI product dictionary (product_codes_HS*_V*.csv: columns code, description; extra columns ignored).</summary>
public sealed class BaciProductDictionary
{
    private readonly Dictionary<int, BaciProduct> byCode;

    public BaciProductDictionary(IEnumerable<BaciProduct> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        byCode = [];
        foreach (var product in products)
            if (!byCode.TryAdd(product.Hs6, product))
                throw new ArgumentException($"Product {product.Hs6:D6} appears twice in the dictionary.", nameof(products));
    }

    public int Count => byCode.Count;

    public BaciProduct? Find(int hs6) => byCode.GetValueOrDefault(hs6);

    /// <summary>Reads a product dictionary; UTF-8 unless <paramref name="encoding"/> says otherwise.</summary>
    /// <exception cref="BaciFormatException">Missing file, missing column or bad code.</exception>
    public static BaciProductDictionary Read(string path, Encoding? encoding = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new BaciFormatException(path, "file not found.");
        var options = new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true, Encoding = encoding, MalformedData = CsvMalformedDataHandling.Throw };
        var products = new List<BaciProduct>();
        var seen = new HashSet<int>();
        try
        {
            using var reader = CsvReader.FromFile(path, options);
            if (!reader.TryGetFieldIndex("code", out var code) || !reader.TryGetFieldIndex("description", out var description))
                throw new BaciFormatException(path,
                    $"the header must have columns 'code' and 'description' (found: {string.Join(",", reader.Headers)}).");
            while (reader.Read())
            {
                var text = reader.GetString(code);
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hs6) || hs6 > 999_999)
                    throw new BaciFormatException(path, $"line {reader.LineNumber}, column 'code': '{text}' is not an HS 6-digit code.");
                if (!seen.Add(hs6))
                    throw new BaciFormatException(path, $"line {reader.LineNumber}, column 'code': {text} appears twice.");
                products.Add(new BaciProduct(hs6, reader.GetString(description)));
            }
        }
        catch (CsvFormatException e)
        {
            throw new BaciFormatException(path, $"malformed CSV ({e.Message}).", e);
        }
        return new BaciProductDictionary(products);
    }
}
