using System.Buffers;
using System.Buffers.Text;
using System.Runtime.ExceptionServices;
using CsvHelper;
using Microsoft.Win32.SafeHandles;

namespace Baken.Infrastructure.Dependencies;

/// <summary>
/// The parallel reader of a plain BACI CSV file (issue 20, item 7): the file is cut into fixed byte ranges, each range
/// starts at the first line that begins inside it, worker threads parse ranges with a span parser, and the flows come out
/// in file order — so whoever sums them (the screen) adds exactly the same numbers in exactly the same order as with the
/// one-thread reader, on any number of cores, and the results are identical to the last bit.
/// <para>
/// The fast parser accepts only the plain shape of BACI rows: every line has the header's number of fields, a field is
/// bare or wholly quoted (<c>"…"</c> with no quote inside), padded with spaces at most, and a number is digits with an
/// optional decimal part (anything else a number parser accepts is handed to the same <see cref="Utf8Parser"/> calls the
/// one-thread reader makes). Any other line — a quote inside a field, a quoted line break (which shows as a line with an
/// odd number of quotes, wherever the ranges were cut), a blank line, a value out of range — stops the fast path: the
/// rows already returned are exactly the one-thread reader's first rows, and the one-thread reader takes over from there
/// and decides, with its own messages and line numbers. Memory stays bounded: at most <see cref="RangesAhead"/> parsed
/// ranges wait for the consumer.
/// </para>
/// </summary>
public static partial class BaciTradeFlowReader
{
    /// <summary>Size of one byte range (files up to this size are read by one thread).</summary>
    internal const int ParallelChunkBytes = 2 << 20;

    /// <summary>Longest line the fast path follows past the end of its range; longer lines go to the one-thread reader.</summary>
    private const int MaxLineBytes = 64 << 10;

    /// <summary>Ranges parsed or being parsed ahead of the consumer (each about 3 MB of flows for 2 MB of text).</summary>
    private const int RangesAhead = 4;

    /// <summary>How often the fast path handed over to the one-thread reader in this process (for tests and diagnostics).</summary>
    internal static long HandOvers;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>What parsing one range gave: its flows in order, or that the fast path does not apply, or an I/O failure.</summary>
    private sealed class RangeResult
    {
        public BaciTradeFlow[] Flows = [];
        public int Count;
        public bool NotPlain;
        public Exception? Error;
    }

    /// <summary>
    /// The flows of the CSV at <paramref name="path"/>, in file order, parsed by <paramref name="workers"/> threads (null:
    /// one per core) in ranges of <paramref name="chunkBytes"/>.
    /// </summary>
    internal static IEnumerable<BaciTradeFlow> ReadCsvParallel(string path, int chunkBytes, int? workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 16);
        // The header goes through the one-thread reader's own checks and messages.
        int fieldCount;
        Columns columns;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        using (var reader = CsvReader.Create(stream, HeaderOptions(), leaveOpen: true))
        {
            columns = ResolveColumns(reader, path);
            fieldCount = reader.Headers.Count;
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        var length = RandomAccess.GetLength(handle);
        var dataStart = DataStart(handle, length);
        if (dataStart < 0)
        {
            Interlocked.Increment(ref HandOvers);
            foreach (var flow in ReadCsvSequential(path)) yield return flow;
            yield break;
        }

        var ranges = (int)((length - dataStart + chunkBytes - 1) / chunkBytes);
        if (ranges == 0) yield break;
        var results = new TaskCompletionSource<RangeResult>[ranges];
        for (var r = 0; r < ranges; r++) results[r] = new TaskCompletionSource<RangeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        using var window = new SemaphoreSlim(RangesAhead);
        var next = -1;
        var roles = Roles(columns, fieldCount);

        void Work()
        {
            while (true)
            {
                try
                {
                    window.Wait(cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var r = Interlocked.Increment(ref next);
                if (r >= ranges)
                {
                    window.Release();
                    return;
                }
                results[r].SetResult(ParseRange(handle, length, dataStart + (long)r * chunkBytes,
                    Math.Min(length, dataStart + (long)(r + 1) * chunkBytes), r == 0, roles, fieldCount, cancel.Token));
            }
        }

        var threads = Math.Clamp(workers ?? Environment.ProcessorCount, 1, ranges);
        var tasks = new Task[threads];
        for (var t = 0; t < threads; t++) tasks[t] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long returned = 0;
        var plain = true;
        try
        {
            for (var r = 0; r < ranges; r++)
            {
                var result = results[r].Task.GetAwaiter().GetResult();
                if (result.Error is IOException io) throw new BaciFormatException(path, $"the file could not be read ({io.Message}).", io);
                if (result.Error is not null) ExceptionDispatchInfo.Throw(result.Error);
                if (result.NotPlain)
                {
                    plain = false;
                    break;
                }
                try
                {
                    for (var i = 0; i < result.Count; i++)
                    {
                        returned++;
                        yield return result.Flows[i];
                    }
                }
                finally
                {
                    ReturnUnconsumed(result);
                }
                window.Release();
            }
        }
        finally
        {
            cancel.Cancel();
            // The workers use the file handle: they must be done before it closes. A cancelled wait ends them promptly.
            Task.WaitAll(tasks);
            foreach (var result in results)
                if (result.Task.IsCompletedSuccessfully) ReturnUnconsumed(result.Task.Result);
        }

        if (!plain)
        {
            Interlocked.Increment(ref HandOvers);
            // The one-thread reader decides from here; the rows before were its rows too (plain lines, one record each).
            long skipped = 0;
            foreach (var flow in ReadCsvSequential(path))
            {
                if (skipped++ < returned) continue;
                yield return flow;
            }
        }
    }

    private static void ReturnUnconsumed(RangeResult result)
    {
        // Ranges parsed ahead of the consumer still hold pooled arrays; consumed ones were returned and emptied.
        var flows = Interlocked.Exchange(ref result.Flows, []);
        if (flows.Length > 0) ArrayPool<BaciTradeFlow>.Shared.Return(flows);
    }

    private static CsvReaderOptions HeaderOptions() => new()
    {
        HasHeader = true,
        TrimWhitespace = true,
        TrimInsideQuotes = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        BufferSize = 1 << 16,
    };

    /// <summary>Offset of the first data line, or −1 when the header line is not plain (a quoted line break, or no line end in reach).</summary>
    private static long DataStart(SafeFileHandle handle, long length)
    {
        var buffer = new byte[(int)Math.Min(length, MaxLineBytes)];
        var read = RandomAccess.Read(handle, buffer, 0);
        var line = buffer.AsSpan(0, read);
        var end = line.IndexOf((byte)'\n');
        if (end < 0) return read == length ? length : -1;
        return line[..end].Count((byte)'"') % 2 == 0 ? end + 1 : -1;
    }

    // What each field of a line is: 0 = not used, 1 = t, 2 = i, 3 = j, 4 = k, 5 = v, 6 = q.
    private static byte[] Roles(Columns columns, int fieldCount)
    {
        var roles = new byte[fieldCount];
        roles[columns.Year] = 1;
        roles[columns.Exporter] = 2;
        roles[columns.Importer] = 3;
        roles[columns.Product] = 4;
        roles[columns.Value] = 5;
        if (columns.Quantity >= 0) roles[columns.Quantity] = 6;
        return roles;
    }

    /// <summary>Parses the lines that begin in [<paramref name="begin"/>, <paramref name="end"/>).</summary>
    private static RangeResult ParseRange(
        SafeFileHandle handle, long length, long begin, long end, bool first, byte[] roles, int fieldCount, CancellationToken cancel)
    {
        var result = new RangeResult();
        if (cancel.IsCancellationRequested) return result;
        // One byte before the range tells whether a line begins at its first byte; the tail holds the last line's end.
        var from = first ? begin : begin - 1;
        var to = Math.Min(length, end + MaxLineBytes);
        var buffer = ArrayPool<byte>.Shared.Rent((int)(to - from));
        try
        {
            var size = 0;
            while (size < to - from)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(size, (int)(to - from) - size), from + size);
                if (read == 0) break;
                size += read;
            }
            var text = buffer.AsSpan(0, size);
            var limit = (int)(end - from); // lines must begin before this offset
            var position = 0;
            if (!first)
            {
                var lineEnd = text.IndexOf((byte)'\n');
                if (lineEnd < 0 || lineEnd > limit) return result; // no line begins in this range
                position = lineEnd + 1;
            }
            result.Flows = ArrayPool<BaciTradeFlow>.Shared.Rent(Math.Max(16, (int)(end - begin) / 28));
            while (position < limit)
            {
                var rest = text[position..];
                var lineEnd = rest.IndexOf((byte)'\n');
                ReadOnlySpan<byte> line;
                if (lineEnd >= 0)
                {
                    line = rest[..lineEnd];
                    position += lineEnd + 1;
                }
                else if (from + size == length)
                {
                    line = rest; // the last line of the file, without a line end
                    position = size;
                }
                else
                {
                    result.NotPlain = true; // a line longer than the tail
                    return result;
                }
                if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
                if (!TryParsePlain(line, roles, fieldCount, out var flow))
                {
                    result.NotPlain = true;
                    return result;
                }
                if (result.Count == result.Flows.Length)
                {
                    var larger = ArrayPool<BaciTradeFlow>.Shared.Rent(result.Flows.Length * 2);
                    result.Flows.AsSpan(0, result.Count).CopyTo(larger);
                    ArrayPool<BaciTradeFlow>.Shared.Return(result.Flows);
                    result.Flows = larger;
                }
                result.Flows[result.Count++] = flow;
            }
            return result;
        }
        catch (Exception e)
        {
            // Handed to the consumer, which throws it in its own thread: a worker that died silently would leave it waiting.
            result.Error = e;
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (result.NotPlain || result.Error is not null)
            {
                if (result.Flows.Length > 0) ArrayPool<BaciTradeFlow>.Shared.Return(result.Flows);
                result.Flows = [];
                result.Count = 0;
            }
        }
    }

    /// <summary>One plain line to a flow with exactly the values the one-thread reader gives; false for anything else.</summary>
    internal static bool TryParsePlain(ReadOnlySpan<byte> line, byte[] roles, int fieldCount, out BaciTradeFlow flow)
    {
        flow = default;
        if (line.IsEmpty) return false;
        var quoted = line.Contains((byte)'"');
        int year = 0, exporter = 0, importer = 0, product = 0;
        double value = 0;
        double? quantity = null;
        var rest = line;
        for (var f = 0; f < fieldCount; f++)
        {
            ReadOnlySpan<byte> field;
            var comma = rest.IndexOf((byte)',');
            if (f < fieldCount - 1)
            {
                if (comma < 0) return false; // too few fields
                field = rest[..comma];
                rest = rest[(comma + 1)..];
            }
            else
            {
                if (comma >= 0) return false; // too many fields
                field = rest;
            }
            if (quoted)
            {
                if (field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"')
                    field = field[1..^1];
                if (field.Contains((byte)'"')) return false;
            }
            field = field.Trim((byte)' ');
            switch (roles[f])
            {
                case 1 when !TryInteger(field, 9999, out year):
                case 2 when !TryInteger(field, 999, out exporter):
                case 3 when !TryInteger(field, 999, out importer):
                case 4 when !TryInteger(field, 999_999, out product):
                    return false;
                case 5:
                    if (!TryNumber(field, out value)) return false;
                    break;
                case 6:
                    if (field.IsEmpty || field.SequenceEqual("NA"u8)) quantity = null;
                    else if (TryNumber(field, out var q)) quantity = q;
                    else return false;
                    break;
            }
        }
        flow = new BaciTradeFlow(year, exporter, importer, product, value, quantity);
        return true;
    }

    /// <summary>A whole number in [0, max], as the one-thread reader's <c>Integer</c> accepts it.</summary>
    private static bool TryInteger(ReadOnlySpan<byte> text, int max, out int value)
    {
        value = 0;
        if (text.Length is > 0 and <= 9)
        {
            var plain = true;
            foreach (var b in text)
            {
                var digit = b - '0';
                if ((uint)digit > 9)
                {
                    plain = false;
                    break;
                }
                value = value * 10 + digit;
            }
            if (plain) return value <= max;
        }
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && value >= 0 && value <= max;
    }

    /// <summary>A finite number ≥ 0, as the one-thread reader's <c>Number</c> accepts it.</summary>
    internal static bool TryNumber(ReadOnlySpan<byte> text, out double value)
    {
        if (TryPlainDecimal(text, out value)) return true;
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && double.IsFinite(value) && value >= 0;
    }

    /// <summary>
    /// "digits" or "digits.digits" with at most 15 digits in all: the digits are an exact double below 2⁵³ and 10^decimals
    /// is exact, so one division gives the correctly rounded value — what any correct parser returns (Clinger's fast path).
    /// </summary>
    private static bool TryPlainDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        ulong mantissa = 0;
        var digits = 0;
        var decimals = -1;
        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit <= 9)
            {
                if (++digits > 15) return false;
                mantissa = mantissa * 10 + (uint)digit;
                if (decimals >= 0) decimals++;
            }
            else if (b == (byte)'.' && decimals < 0 && digits > 0)
            {
                decimals = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || decimals == 0) return false;
        value = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        return true;
    }
}
