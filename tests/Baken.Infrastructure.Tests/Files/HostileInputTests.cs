using System.IO.Compression;
using System.Text;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Stix;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Files;

/// <summary>
/// Hostile files, made here and never committed: a zip bomb posing as a workbook, duplicate JSON keys, a STIX name of
/// 40 MB. Each is refused with a message naming what is wrong, and the bomb without unpacking it into memory.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>An XLSX-named ZIP whose one sheet unpacks to <paramref name="megabytes"/> MB of zeros (a few hundred kB packed).</summary>
    private static MemoryStream ZipBomb(int megabytes, int extraEntries = 0)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open())
            {
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i < megabytes; i++) sheet.Write(zeros);
            }
            for (var i = 0; i < extraEntries; i++) zip.CreateEntry($"x/{i}.xml");
        }
        buffer.Position = 0;
        return buffer;
    }

    [Fact]
    public void Xlsx_ThatUnpacksBeyond50MB_IsRefusedBeforeReading_WithinAMemoryBound()
    {
        using var bomb = ZipBomb(300);
        bomb.Length.ShouldBeLessThan(2L * 1024 * 1024);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var content = RegisterFileReader.Read(bomb, RegisterFileFormat.Xlsx);

        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(20L * 1024 * 1024); // not the 300 MB it unpacks to
        content.Rows.ShouldBeEmpty();
        var error = content.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("file");
        error.Allowed.ShouldContain("unpacks to at most 52,428,800 bytes");
    }

    [Fact]
    public void Xlsx_WithTooManyEntries_IsRefused()
    {
        using var many = ZipBomb(0, extraEntries: FileLimits.Default.MaxZipEntries + 1);

        RegisterFileReader.Read(many, RegisterFileFormat.Xlsx).Errors.ShouldHaveSingleItem().Allowed.ShouldContain("at most 1,000 parts");
    }

    [Fact]
    public void RegisterJson_WithADuplicateKey_IsRefused()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""[{ "code": "R-1", "title": "one", "title": "two", "kind": "threat" }]"""));

        var content = RegisterFileReader.Read(json, RegisterFileFormat.Json);

        content.Rows.ShouldBeEmpty();
        content.Errors.ShouldHaveSingleItem().Field.ShouldBe("file");
    }

    [Fact]
    public void Json_NestedDeeperThanTheLimit_IsRefusedWithAMessage()
    {
        var deep = "[" + string.Concat(Enumerable.Repeat("{\"a\":[", 5_000)) + string.Concat(Enumerable.Repeat("]}", 5_000)) + "]";
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(deep));

        RegisterFileReader.Read(json, RegisterFileFormat.Json).Errors.ShouldHaveSingleItem().Field.ShouldBe("file");
    }

    [Fact]
    public void Stix_NameOf40MB_IsNotImported_AndTheViolationNamesTheField()
    {
        var name = new string('x', 40 * 1024 * 1024);
        var bundle = $$"""{"type":"bundle","id":"bundle--6f4b6a55-0f3b-4f53-9f2a-0e4b7b0c2b11","objects":[{"type":"threat-actor","spec_version":"2.1","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","name":"{{name}}"}]}""";

        var result = StixBundleReader.ReadText(bundle);

        result.Objects.ShouldBeEmpty();
        var violation = result.Violations.ShouldHaveSingleItem();
        violation.Severity.ShouldBe(StixSeverity.Error);
        violation.Property.ShouldBe("name");
    }
}
