using System.Globalization;
using Baken.Web.Localization;

namespace Baken.Web.Tests.Components;

/// <summary>Pages write dates in the page's language (issue 17), through <see cref="PageDates"/>; ISO stays for inputs and files.</summary>
public sealed class PageDatesTests
{
    private static string In(string culture, Func<string> write)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return write();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Fact]
    public void Dates_AreWrittenInThePagesLanguage()
    {
        var date = new DateOnly(2026, 12, 2);
        In("nl", () => PageDates.Date(date)).ShouldBe("2 december 2026");
        In("en", () => PageDates.Date(date)).ShouldBe("2 December 2026");
        In("nl", () => PageDates.Moment(new DateTime(2026, 3, 9, 14, 5, 0, DateTimeKind.Utc))).ShouldBe("9 maart 2026 14:05");
        In("en", () => PageDates.Moment(new DateTime(2026, 3, 9, 14, 5, 0, DateTimeKind.Utc))).ShouldBe("9 March 2026 14:05");
    }

    [Fact]
    public void Pages_WriteNoIsoDates_OutsideInputsAndParsing()
    {
        // Every page's date goes through the helper: 'ToString("yyyy-MM-dd")' is left only where a form input or a query
        // string needs ISO (type="date" values, parsing, values posted on).
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "Baken.slnx"))) repository = repository.Parent!;
        var root = Path.Combine(repository.FullName, "src", "Baken.Web");
        var offenders = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => (x.line.Contains("ToString(\"yyyy-MM-dd") || x.line.Contains(":yyyy-MM-dd}"))
                        && !x.line.Contains("type=\"date\"") && !x.line.Contains("TryParseExact") && !x.line.Contains("[\""))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}")
            .ToList();
        offenders.ShouldBeEmpty();
    }
}
