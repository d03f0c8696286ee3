using System.Net;
using System.Text.Json;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Web.Security;

namespace Baken.Web.Tests.Api;

/// <summary>Long texts are shown as rich text, with everything that could run code removed.</summary>
public sealed class RichTextTests
{
    private const string Hostile = "<p>Eerste alinea</p><script>alert(1)</script><a href=\"javascript:alert(1)\">klik</a><img src=x onerror=alert(2)>"
                                   + "<strong onclick=\"steal()\">vet</strong><ul><li>punt</li></ul><a href=\"https://www.nctv.nl/\">NCTV</a><iframe src=\"https://x\"></iframe>";

    [Fact]
    public void FormattedText_KeepsHarmlessTags_AndLosesEverythingThatRuns()
    {
        var html = RichText.ToHtml(Hostile);
        html.ShouldContain("<p>Eerste alinea</p>");
        html.ShouldContain("<strong>vet</strong>");
        html.ShouldContain("<ul><li>punt</li></ul>");
        html.ShouldContain("<a href=\"https://www.nctv.nl/\">NCTV</a>");
        foreach (var bad in new[] { "<script", "alert(", "javascript:", "onerror", "onclick", "<img", "<iframe" }) html.ShouldNotContain(bad);
    }

    [Fact]
    public void PlainText_KeepsParagraphsAndLineBreaks_AndIsEncoded()
    {
        RichText.ToHtml("Eerste regel\ntweede <3 regel & meer\n\nNieuwe alinea").ShouldBe("<p>Eerste regel<br>tweede &lt;3 regel &amp; meer</p><p>Nieuwe alinea</p>");
        RichText.ToHtml("  ").ShouldBe("");
        RichText.ToHtml(null).ShouldBe("");
    }

    [Fact]
    public async Task TheRiskPage_ShowsTheDescriptionSanitised_WhileTheStoredTextIsUnchanged()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        var client = await app.ClientForAsync("ana", ClassificationLevel.Ongerubriceerd);
        var body = new StringContent(JsonSerializer.Serialize(new { code = "R-RICH", values = new Dictionary<string, string> { ["title"] = "Rijk", ["kind"] = "threat", ["description"] = Hostile } }),
            System.Text.Encoding.UTF8, "application/json");
        (await client.PostAsync("/api/register/risk", body)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await client.GetStringAsync("/register/risk/R-RICH");
        // The history below shows the stored text as encoded text; the field itself is rich text.
        var rich = System.Text.RegularExpressions.Regex.Match(page, "<div class=\"rich\">(.*?)</div>").Groups[1].Value;
        rich.ShouldContain("<strong>vet</strong>");
        foreach (var bad in new[] { "<script", "onerror", "onclick", "javascript:", "<img" }) rich.ShouldNotContain(bad);
        page.ShouldNotContain("<script>alert");
        page.ShouldNotContain("<img");
        (await client.GetStringAsync("/api/register/risk/R-RICH")).ShouldContain("onerror=alert(2)");
    }
}
