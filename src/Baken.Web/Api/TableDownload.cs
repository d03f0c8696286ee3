using System.Globalization;
using Baken.Infrastructure.Files;
using Microsoft.AspNetCore.Http;

namespace Baken.Web.Api;

/// <summary>
/// Tables the workbench shows (a run's ranking, the gap list) as CSV or XLSX downloads, next to their JSON: the same rows,
/// already limited to what the caller may see, with spreadsheet formulas neutralised in CSV.
/// </summary>
public static class TableDownload
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Allowed = "json, csv or xlsx";

    /// <summary>True for json (or nothing), csv and xlsx; the format in lower case.</summary>
    public static bool TryFormat(string? format, out string normalised)
    {
        normalised = (format ?? "json").Trim().ToLowerInvariant();
        return normalised is "json" or "csv" or "xlsx";
    }

    public static IResult File(string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyDictionary<string, string?>> rows, string format)
    {
        using var stream = new MemoryStream();
        if (format == "xlsx") RegisterFileWriter.WriteXlsx(stream, columns, rows);
        else RegisterFileWriter.WriteCsv(stream, columns, rows);
        return Results.File(stream.ToArray(), format == "xlsx" ? XlsxType : "text/csv; charset=utf-8", $"{name}.{format}");
    }

    public static string? Number(double? value, string format = "G6") => value?.ToString(format, CultureInfo.InvariantCulture);
}
