using System.Globalization;
using Baken.Methods.CountryRisk;
using CsvHelper;

namespace Baken.Infrastructure.CountryRisk;

/// <summary>
/// Writes an <see cref="InformComputeResult"/> as UTF-8 CSV (no BOM): <c>iso3,country,risk,hazard_exposure,
/// vulnerability,lack_of_coping_capacity</c>, then every other node of the tree by id in INFORM's order, then
/// <c>published_risk</c>, <c>risk_from_lowest_level</c> and <c>missing_inputs</c> (ids of the finest-level inputs the file
/// leaves missing, separated by ';').
/// Scores have four decimals; a missing score is an empty cell.
/// </summary>
public static class InformResultCsvWriter
{
    private static readonly string[] Leading = ["risk", "hazard_exposure", "vulnerability", "lack_of_coping_capacity"];

    /// <summary>Writes <paramref name="result"/> to a new file at <paramref name="outputPath"/> (overwritten if present).</summary>
    public static void Write(InformComputeResult result, string outputPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        using var stream = File.Create(outputPath);
        Write(result, stream);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>, leaving it open.</summary>
    public static void Write(InformComputeResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var nodeColumns = Leading.Where(result.Model.Contains)
            .Concat(result.Model.Nodes.Select(n => n.Id).Where(id => !Leading.Contains(id)))
            .ToArray();

        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        string[] header = ["iso3", "country", .. nodeColumns, "published_risk", "risk_from_lowest_level", "missing_inputs"];
        csv.WriteRecord(header);
        foreach (var country in result.Countries)
        {
            var record = new List<string>(header.Length) { country.Iso3, country.Country };
            foreach (var id in nodeColumns)
                record.Add(Format(country.Evaluation.Scores.TryGetValue(id, out var v) ? v : null));
            record.Add(Format(country.PublishedRisk));
            record.Add(Format(country.RiskFromLowestLevel));
            record.Add(string.Join(';', country.MissingComponents));
            csv.WriteRecord(record.ToArray());
        }
        csv.Flush();
    }

    private static string Format(double? value) =>
        value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";
}
