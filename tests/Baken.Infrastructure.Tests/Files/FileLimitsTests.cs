using Baken.Infrastructure.Assessments;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Signals;
using Microsoft.Extensions.Configuration;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Files;

/// <summary>
/// The package limits are settings (<c>Limits:MaxDecompressedBytes</c>, <c>Limits:MaxZipEntries</c>), validated when read,
/// and every importer of XLSX files obeys them: a workbook the default accepts is refused under a lower setting, with a
/// message that names the setting.
/// </summary>
public sealed class FileLimitsTests
{
    /// <summary>An ordinary workbook of a few hundred rows: some tens of kB once unpacked, far below the 50 MB default.</summary>
    private static string Workbook(string header, Func<int, object> row)
    {
        var path = Path.Combine(Path.GetTempPath(), $"baken-limits-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, Enumerable.Range(1, 300).Select(row));
        return path;
    }

    private static readonly FileLimits Small = new() { MaxDecompressedBytes = 4 * 1024 };

    [Fact]
    public void RegisterImport_ALowerSetting_RefusesAWorkbookTheDefaultAccepts_NamingTheSetting()
    {
        var path = Workbook("risk", i => new { code = $"R-{i}", title = $"Risico nummer {i} met een langere titel", kind = "hazard" });
        try
        {
            var accepted = RegisterFileReader.Read(path);
            accepted.Errors.ShouldBeEmpty();
            accepted.Rows.Count.ShouldBe(300);

            var refused = RegisterFileReader.Read(path, limits: Small);
            refused.Rows.ShouldBeEmpty();
            var error = refused.Errors.ShouldHaveSingleItem();
            error.Field.ShouldBe("file");
            error.Allowed.ShouldContain("at most 4,096 bytes");
            error.Allowed.ShouldContain("Limits:MaxDecompressedBytes");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AssessmentAndSignalImports_ObeyTheSameSetting()
    {
        var assessments = Workbook("assessment", i => new { scenario_id = $"S-{i}", scenario_title = $"Scenario {i}", analyst = "ana", likelihood = "C" });
        var signals = Workbook("signal", i => new { date = "2026-11-30", title = $"Signaal nummer {i} over iets", source = "bron" });
        try
        {
            AssessmentFileReader.ReadRows(assessments, out var fine);
            fine.ShouldBeNull();
            AssessmentFileReader.ReadRows(assessments, out var error, Small).ShouldBeEmpty();
            error.ShouldNotBeNull().Allowed.ShouldContain("Limits:MaxDecompressedBytes");

            SignalSources.ReadFile(signals).Errors.ShouldNotContain(e => e.Allowed.Contains("Limits:"));
            SignalSources.ReadFile(signals, Small).Errors.ShouldHaveSingleItem().Allowed.ShouldContain("Limits:MaxDecompressedBytes");
        }
        finally { File.Delete(assessments); File.Delete(signals); }
    }

    [Fact]
    public void EntryCount_ALowerSetting_RefusesTheWorkbook_NamingTheSetting()
    {
        var path = Workbook("risk", i => new { code = $"R-{i}", title = "Risico", kind = "hazard" });
        try
        {
            RegisterFileReader.Read(path, limits: new FileLimits { MaxZipEntries = 2 }).Errors.ShouldHaveSingleItem().Allowed
                .ShouldContain("Limits:MaxZipEntries");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void FromConfiguration_ReadsTheSection_AndRefusesAValueOutOfRange_NamingSettingValueAndRange()
    {
        FileLimits Read(params (string Key, string Value)[] settings) => FileLimits.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

        Read().MaxDecompressedBytes.ShouldBe(50L * 1024 * 1024);
        Read().MaxZipEntries.ShouldBe(1_000);
        Read(("Limits:MaxDecompressedBytes", "1048576")).MaxDecompressedBytes.ShouldBe(1_048_576);

        var e = Should.Throw<ArgumentException>(() => Read(("Limits:MaxDecompressedBytes", "0"), ("Limits:MaxZipEntries", "-5")));
        e.Message.ShouldContain("Limits:MaxDecompressedBytes: '0' is not allowed; allowed: a whole number from 1,024 to 4,294,967,296");
        e.Message.ShouldContain("Limits:MaxZipEntries: '-5'");
    }
}
