using System.Globalization;
using System.IO.Compression;
using Baken.Application.Common;
using Baken.Domain;

namespace Baken.Infrastructure.Files;

/// <summary>
/// Checks an XLSX (a ZIP package) before a reader opens it: at most <see cref="FileLimits.MaxZipEntries"/> entries and
/// <see cref="FileLimits.MaxDecompressedBytes"/> once unpacked (configuration <c>Limits</c>; defaults 1,000 and 50 MB). The sizes a ZIP declares can lie, so the entries are inflated and
/// counted, in a fixed buffer, stopping at the limit: a 4 MB file that unpacks to 1.5 GB costs at most 50 MB of work
/// and no memory, and is refused with a message instead of filling the server.
/// </summary>
public static class ZipBombCheck
{
    /// <summary>The problem with the package, or null when it is within the limits (default: <see cref="FileLimits.Default"/>). The stream is left at its start.</summary>
    public static FieldError? Check(Stream stream, FileLimits? limits = null)
    {
        limits ??= FileLimits.Default;
        var maxUncompressedBytes = limits.MaxDecompressedBytes;
        var maxEntries = limits.MaxZipEntries;
        if (!stream.CanSeek) throw new ArgumentException("The package must be seekable (a file or a buffered upload).", nameof(stream));
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > maxEntries)
                return new FieldError("file", string.Create(CultureInfo.InvariantCulture, $"{zip.Entries.Count:N0} entries"), AllowedTexts.FilesZipEntries.With(maxEntries, $"{FileLimits.Section}:{nameof(FileLimits.MaxZipEntries)}"));
            var buffer = new byte[81_920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (total + entry.Length > maxUncompressedBytes) return TooLarge(maxUncompressedBytes);
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                    if ((total += read) > maxUncompressedBytes) return TooLarge(maxUncompressedBytes);
            }
            return null;
        }
        catch (InvalidDataException e)
        {
            return new FieldError("file", "not a ZIP package", AllowedTexts.FilesWellFormedXlsx.With(ValidationMessage.Verbatim(e.Message.Split('\n')[0])));
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static FieldError TooLarge(long max) =>
        new("file", string.Create(CultureInfo.InvariantCulture, $"more than {max:N0} bytes unpacked"), UnpackedRule.With(max, $"{FileLimits.Section}:{nameof(FileLimits.MaxDecompressedBytes)}"));

    private static readonly MessageTemplate UnpackedRule = new("allowed.files.unpacked", "an XLSX file that unpacks to at most {0:N0} bytes (setting {1})");
}
