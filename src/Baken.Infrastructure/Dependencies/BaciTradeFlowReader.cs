using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace Baken.Infrastructure.Dependencies;

/// <summary>One BACI row: a bilateral flow of one HS6 product in one year.</summary>
/// <param name="Year">t.</param>
/// <param name="Exporter">i, BACI country code.</param>
/// <param name="Importer">j, BACI country code.</param>
/// <param name="Hs6">k, HS 6-digit product code as a number (leading zeros dropped).</param>
/// <param name="Value">v, thousand USD, ≥ 0.</param>
/// <param name="Quantity">q, metric tonnes; null when BACI gives none ("NA" or empty).</param>
public readonly record struct BaciTradeFlow(int Year, int Exporter, int Importer, int Hs6, double Value, double? Quantity);

/// <summary>
/// Streams the rows of a BACI trade file (CSV with columns t,i,j,k,v,q in any order, fields optionally quoted and
/// padded, as CEPII publishes them), or of a .zip holding one such CSV. Rows are parsed from UTF-8 bytes as they
/// are read, so a 10-million-row year costs no more memory than one buffer.
/// </summary>
public static partial class BaciTradeFlowReader
{
    private static readonly string[] RequiredColumns = ["t", "i", "j", "k", "v"];

    /// <summary>The flows of <paramref name="path"/> (.csv, or .zip with exactly one .csv inside), in file order.</summary>
    /// <exception cref="BaciFormatException">The file is missing, empty, lacks a column or has a bad value.</exception>
    public static IEnumerable<BaciTradeFlow> ReadFlows(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new BaciFormatException(path, "file not found.");
        return path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ReadZip(path) : ReadCsv(path);
    }

    /// <summary>The flows of a BACI CSV held in a stream (left open); <paramref name="source"/> names it in messages.</summary>
    public static IEnumerable<BaciTradeFlow> ReadFlows(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadStream(stream, source);
    }

    /// <summary>
    /// The flows of a kept upload (.csv, or .zip with one .csv inside) read on one thread, telling the fraction of the file
    /// read so far (0 to 1) to <paramref name="progress"/>, whose report may throw to stop the reading (a cancelled job);
    /// <paramref name="source"/> names the file in messages, as its owner knows it. The same flows as <see cref="ReadFlows(string)"/>.
    /// </summary>
    public static IEnumerable<BaciTradeFlow> ReadFlows(string path, string source, IProgress<double> progress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(progress);
        if (!File.Exists(path)) throw new BaciFormatException(source, "file not found.");
        return ReadWithProgress(path, source, progress);
    }

    private static IEnumerable<BaciTradeFlow> ReadWithProgress(string path, string source, IProgress<double> progress)
    {
        using var stream = new ProgressStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), progress);
        var flows = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ReadZip(stream, source) : ReadStream(stream, source);
        foreach (var flow in flows) yield return flow;
    }

    /// <summary>A file read front to back that tells how far it is, about once per megabyte.</summary>
    private sealed class ProgressStream(FileStream inner, IProgress<double> progress) : Stream
    {
        private long _reported;

        public override int Read(byte[] buffer, int offset, int count) => Told(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Told(inner.Read(buffer));

        private int Told(int read)
        {
            if (inner.Position - _reported >= 1 << 20 || read == 0)
            {
                _reported = inner.Position;
                progress.Report(inner.Length == 0 ? 1 : (double)inner.Position / inner.Length);
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static IEnumerable<BaciTradeFlow> ReadCsv(string path) =>
        new FileInfo(path).Length > ParallelChunkBytes ? ReadCsvParallel(path, ParallelChunkBytes, null) : ReadCsvSequential(path);

    /// <summary>The one-thread reader: the reference the parallel one must equal, and its fallback.</summary>
    internal static IEnumerable<BaciTradeFlow> ReadCsvSequential(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var flow in ReadStream(stream, path)) yield return flow;
    }

    private static IEnumerable<BaciTradeFlow> ReadZip(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        foreach (var flow in ReadZip(file, path)) yield return flow;
    }

    private static IEnumerable<BaciTradeFlow> ReadZip(Stream file, string path)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new BaciFormatException(path, $"not a readable zip archive ({e.Message}).", e);
        }
        using (archive)
        {
            var csvEntries = archive.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (csvEntries.Count != 1)
                throw new BaciFormatException(path,
                    $"a BACI zip must hold exactly one .csv file, but it holds {csvEntries.Count}"
                    + (csvEntries.Count > 0 ? $" ({string.Join(", ", csvEntries.Select(e => e.FullName))})." : "."));
            var source = $"{path}!{csvEntries[0].FullName}";
            using var stream = csvEntries[0].Open();
            foreach (var flow in ReadStream(stream, source)) yield return flow;
        }
    }

    private static IEnumerable<BaciTradeFlow> ReadStream(Stream stream, string source)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            BufferSize = 1 << 20,
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var columns = ResolveColumns(reader, source);
        while (Read(reader, source))
            yield return Parse(reader, columns, source);
    }

    private static bool Read(CsvReader reader, string source)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new BaciFormatException(source, $"malformed CSV near record {e.RecordNumber} ({e.Message}).", e);
        }
    }

    private readonly record struct Columns(int Year, int Exporter, int Importer, int Product, int Value, int Quantity);

    private static Columns ResolveColumns(CsvReader reader, string source)
    {
        IReadOnlyList<string> headers;
        try
        {
            headers = reader.Headers;
        }
        catch (CsvFormatException e)
        {
            throw new BaciFormatException(source, $"the header is not readable CSV ({e.Message}).", e);
        }
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
            throw new BaciFormatException(source, "the file is empty; a BACI file starts with the header t,i,j,k,v,q.");
        var index = new int[RequiredColumns.Length];
        for (var c = 0; c < RequiredColumns.Length; c++)
        {
            index[c] = IndexOf(headers, RequiredColumns[c]);
            if (index[c] < 0)
                throw new BaciFormatException(source,
                    $"the header lacks column '{RequiredColumns[c]}' (found: {string.Join(",", headers)}); BACI files have t,i,j,k,v,q.");
        }
        return new Columns(index[0], index[1], index[2], index[3], index[4], IndexOf(headers, "q"));
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
            if (string.Equals(headers[i].Trim().Trim('"').Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static BaciTradeFlow Parse(CsvReader reader, Columns columns, string source)
    {
        var year = Integer(reader, columns.Year, "t", source, 0, 9999);
        var exporter = Integer(reader, columns.Exporter, "i", source, 0, 999);
        var importer = Integer(reader, columns.Importer, "j", source, 0, 999);
        var product = Integer(reader, columns.Product, "k", source, 0, 999_999);
        var value = Number(reader, columns.Value, "v", source, optional: false)!.Value;
        var quantity = columns.Quantity >= 0 ? Number(reader, columns.Quantity, "q", source, optional: true) : null;
        return new BaciTradeFlow(year, exporter, importer, product, value, quantity);
    }

    private static int Integer(CsvReader reader, int column, string name, string source, int min, int max)
    {
        var span = reader.GetSpan(column);
        if (Utf8Parser.TryParse(span, out int value, out var consumed) && consumed == span.Length && value >= min && value <= max)
            return value;
        throw Bad(reader, source, name, span, $"a whole number in [{min}, {max}]");
    }

    private static double? Number(CsvReader reader, int column, string name, string source, bool optional)
    {
        var span = reader.GetSpan(column);
        if (optional && (span.IsEmpty || span.SequenceEqual("NA"u8))) return null;
        if (Utf8Parser.TryParse(span, out double value, out var consumed) && consumed == span.Length && double.IsFinite(value) && value >= 0)
            return value;
        throw Bad(reader, source, name, span, optional ? "a number ≥ 0, NA or empty" : "a number ≥ 0");
    }

    private static BaciFormatException Bad(CsvReader reader, string source, string column, ReadOnlySpan<byte> text, string allowed) =>
        new(source, $"line {reader.LineNumber}, column '{column}': '{Encoding.UTF8.GetString(text)}' is not {allowed}.");
}
