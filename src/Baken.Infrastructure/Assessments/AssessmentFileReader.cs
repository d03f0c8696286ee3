using Baken.Application.Common;
using Baken.Domain;
using System.Globalization;
using Baken.Methods.Risk;
using Baken.Application.Assessments;
using CsvHelper;
using MiniExcelLibs;

namespace Baken.Infrastructure.Assessments;

/// <summary>
/// Reads an assessment file (CSV or XLSX; the format is documented in docs/formats.md and on <see cref="AssessmentTable"/>)
/// into rows and validates them with the same rules as stored assessments.
/// </summary>
public sealed class AssessmentFileReader(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, ImpactClassScale> scales)
{
    private readonly AssessmentTable _table = new(criteria, scales);

    /// <summary>
    /// The raw rows of a .csv or .xlsx file (header first) for a use case to validate, or the reason the file cannot be read:
    /// a problem of the field "file" whose value is <paramref name="name"/> (the name the user knows, e.g. of an upload
    /// kept under a temporary path; default the path's file name).
    /// </summary>
    public static IReadOnlyList<AssessmentRawRow> ReadRows(string path, out FieldError? error, Files.FileLimits? limits = null, string? name = null)
    {
        error = null;
        name ??= Path.GetFileName(path);
        // An assessment file holds hundreds of rows; a file this large is a mistake, not a register.
        if (new FileInfo(path).Length > Files.RegisterFileReader.MaxFileBytes)
        {
            error = new FieldError("file", name, TooLarge.With(Files.RegisterFileReader.MaxFileBytes, new FileInfo(path).Length));
            return [];
        }
        try
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".csv" or ".txt":
                    using (var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true)) return CsvRows(reader);
                case ".xlsx":
                    using (var stream = File.OpenRead(path)) return XlsxRows(stream, limits);
                default:
                    error = new FieldError("file", name, CsvOrXlsx);
                    return [];
            }
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            // The library's own words, as written; the frame around them is the reader's language.
            error = new FieldError("file", name, Unreadable.With(ValidationMessage.Verbatim(e.Message.Split('\n')[0].Replace(path, name, StringComparison.Ordinal).Replace(Path.GetFileName(path), name, StringComparison.Ordinal))));
            return [];
        }
    }

    public static readonly MessageTemplate CsvOrXlsx = new("allowed.assessmentfile.csvorxlsx", "a .csv or .xlsx file");
    public static readonly MessageTemplate TooLarge = new("allowed.assessmentfile.toolarge", "a file of at most {0:N0} bytes (this one has {1:N0})");
    public static readonly MessageTemplate Unreadable = new("allowed.assessmentfile.unreadable", "a readable .csv or .xlsx file ({0})");

    /// <summary>The fixed columns, in the documented order.</summary>
    public static IReadOnlyList<string> FixedColumns => AssessmentTable.FixedColumns;

    /// <summary>Reads a .csv or .xlsx file, chosen by extension.</summary>
    public AssessmentReadResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".csv":
            case ".txt":
                using (var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true))
                    return ReadCsv(reader);
            case ".xlsx":
                using (var stream = File.OpenRead(path))
                    return ReadXlsx(stream);
            default:
                return AssessmentReadResult.Failure([new AssessmentFileError(0, "file", Path.GetFileName(path), AllowedTexts.AssessmentFileType)]);
        }
    }

    /// <summary>Reads CSV text (UTF-8; delimiter comma, semicolon or tab).</summary>
    public AssessmentReadResult ReadCsv(TextReader reader) => _table.Validate(CsvRows(reader));

    /// <summary>Reads the first sheet of an XLSX workbook.</summary>
    public AssessmentReadResult ReadXlsx(Stream stream) =>
        stream.CanSeek && Files.ZipBombCheck.Check(stream) is { } bomb
            ? AssessmentReadResult.Failure([new AssessmentFileError(0, bomb.Field, bomb.Value, AllowedTexts.AssessmentFileAllowed.With(bomb.Message))])
            : _table.Validate(XlsxRows(stream));

    private static List<AssessmentRawRow> CsvRows(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Separator detection (comma, semicolon, tab) serves spreadsheets saved with a Dutch locale.
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        var rows = new List<AssessmentRawRow>();
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        while (csv.Read())
            rows.Add(new AssessmentRawRow((int)csv.LineNumber, csv.Current.ToArray().Select(v => v ?? string.Empty).ToArray()));
        return rows;
    }

    private static List<AssessmentRawRow> XlsxRows(Stream stream, Files.FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && Files.ZipBombCheck.Check(stream, limits) is { } bomb) throw new InvalidDataException($"{bomb.Value}; allowed: {bomb.Allowed}");
        var rows = new List<AssessmentRawRow>();
        var line = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            var cells = row.Values.Select(CellText).ToArray();
            var lastFilled = Array.FindLastIndex(cells, c => c.Length > 0);
            if (lastFilled < 0) continue;
            rows.Add(new AssessmentRawRow(line, cells[..(lastFilled + 1)]));
        }
        return rows;
    }

    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

}
