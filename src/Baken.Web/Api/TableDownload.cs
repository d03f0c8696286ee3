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

    /// <param name="marking">The high-water marking of the rows written (METHODS §10): in the <see cref="MarkedFiles.Header"/>
    /// header, and in an XLSX's page header, footer and document property (docs/formats.md §0.1).</param>
    public static IResult File(string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyDictionary<string, string?>> rows, string format, string marking)
    {
        using var stream = new MemoryStream();
        if (format == "xlsx") RegisterFileWriter.WriteXlsx(stream, columns, rows, marking);
        else RegisterFileWriter.WriteCsv(stream, columns, rows);
        return Marked(Results.File(stream.ToArray(), format == "xlsx" ? XlsxType : "text/csv; charset=utf-8", $"{name}.{format}"), marking);
    }

    /// <summary>The response of <paramref name="inner"/> with the marking in the <see cref="MarkedFiles.Header"/> header.</summary>
    public static IResult Marked(IResult inner, string marking) => new MarkedResult(inner, marking);

    private sealed class MarkedResult(IResult inner, string marking) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[MarkedFiles.Header] = marking;
            return inner.ExecuteAsync(httpContext);
        }
    }

    public static string? Number(double? value, string format = "G6") => value?.ToString(format, CultureInfo.InvariantCulture);
}
