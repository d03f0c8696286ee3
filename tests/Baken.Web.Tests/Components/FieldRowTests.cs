using Baken.Application.Register;
using Baken.Web.Components;
using Bunit;

namespace Baken.Web.Tests.Components;

/// <summary>The form row every editor uses: label, hint and error are wired for screen readers, and values stay text.</summary>
public sealed class FieldRowTests : IDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void Error_IsAnnouncedAndLinkedToTheInput()
    {
        var row = _context.Render<FieldRow>(p => p.Add(x => x.Name, "title").Add(x => x.Label, "Titel").Add(x => x.Required, true)
            .Add(x => x.Hint, "tekst").Add(x => x.Error, "'' — verplicht"));
        var input = row.Find("input#f-title");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        input.GetAttribute("aria-describedby").ShouldBe("h-title e-title");
        row.Find("#e-title").GetAttribute("role").ShouldBe("alert");
        row.Find("label").TextContent.ShouldBe("Titel *");
        row.Find("label").GetAttribute("for").ShouldBe("f-title");
    }

    [Fact]
    public void WithoutError_NoAlertIsRendered()
    {
        var row = _context.Render<FieldRow>(p => p.Add(x => x.Name, "title").Add(x => x.Label, "Titel"));
        row.FindAll("[role=alert]").ShouldBeEmpty();
        row.Find("input").GetAttribute("aria-invalid").ShouldBe("false");
    }

    [Fact]
    public void Options_RenderASelect_WithTheCurrentValueSelected()
    {
        var row = _context.Render<FieldRow>(p => p.Add(x => x.Name, "kind").Add(x => x.Value, "threat").Add(x => x.Options, new[] { "", "hazard", "threat" }));
        var options = row.FindAll("select#f-kind option");
        options.Count.ShouldBe(3);
        options.Single(o => o.HasAttribute("selected")).GetAttribute("value").ShouldBe("threat");
    }

    [Fact]
    public void HostileValue_IsRenderedAsText()
    {
        var row = _context.Render<FieldRow>(p => p.Add(x => x.Name, "description").Add(x => x.Multiline, true).Add(x => x.Value, "<script>alert(1)</script>"));
        row.FindAll("script").ShouldBeEmpty();
        row.Find("textarea").TextContent.ShouldBe("<script>alert(1)</script>");
    }

    [Fact]
    public void ClassificationBadge_ShowsLevelAbbreviationAndCompartments()
    {
        var view = new RecordView("risk", "R-1", "x", "Staatsgeheim Geheim", ["NUC", "CYB"], 1, DateTime.UnixEpoch, "a", null, false, new Dictionary<string, string?>());
        var badge = _context.Render<ClassificationBadge>(p => p.Add(x => x.View, view));
        var badges = badge.FindAll(".badge");
        badges.Select(b => b.TextContent).ShouldBe(["Stg.G", "NUC", "CYB"]);
        badges[0].ClassList.ShouldContain("l3");
    }

    public void Dispose() => _context.Dispose();
}
