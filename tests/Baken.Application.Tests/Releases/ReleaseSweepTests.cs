using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Releases;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Infrastructure.Releases;
using Baken.Infrastructure.Reports.Documents;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Releases;

/// <summary>
/// The release sweep (issue 14): every document product × every audience, with a marker record at every level and in
/// two compartments. Nothing the audience may not see appears in the rendered HTML or in any XML part of the DOCX; the
/// marking line equals the high-water mark of what went in; a withheld note stands where something was left out; and
/// "no measures linked" appears only when it is true on the full register.
/// </summary>
public sealed class ReleaseSweepTests
{
    private const string Edition = "SWEEP";
    private static readonly FixedUser Admin = FixedUser.System;
    private static readonly FixedUser Coordinator = new("coordinator", ClassificationLevel.StaatsgeheimZeerGeheim, -1L, [Roles.Coordinator]);
    private static readonly FixedUser PublicReader = new("parliament", ClassificationLevel.Ongerubriceerd, 0, [Roles.Public]);

    /// <summary>Marker records: code, classification, compartments, publishable. Every title carries "MARKER-" + code.</summary>
    private static readonly (string Tag, string Level, string? Compartments, bool Publishable)[] Markers = SweepMarkers.All;

    private static readonly string[] Audiences = ["public", "Dep.V", "Stg.G // NUC", "internal"];

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var database = await SweepMarkers.DatabaseAsync(provider);
        foreach (var (tag, level, compartments, publishable) in Markers)
        {
            await Ok(Add(database, Admin, "measure", $"M-{tag}", ("title", $"Measure {tag}"), ("classification", level),
                ("compartments", compartments), ("publishable", publishable ? "true" : "false")));
        }
        // One goal with a measure at every marker level, one with nothing linked at all, one whose only measure is secret.
        // A reference never points up (a goal cannot link a higher measure), so the markers are the goal's indicators.
        await Ok(Add(database, Admin, "goal", "G-ALL", ("title", "Goal with every kind of indicator"), ("edition", Edition), ("number", "1"), ("pillar", "voorkomen"), ("publishable", "true")));
        foreach (var (tag, level, compartments, publishable) in Markers)
            await Ok(Add(database, Admin, "indicator", $"I-{tag}", ("title", $"MARKER-M-{tag} indicator"), ("goal", "G-ALL"), ("classification", level),
                ("compartments", compartments), ("publishable", publishable ? "true" : "false")));
        await Ok(Add(database, Admin, "goal", "G-EMPTY", ("title", "Goal with nothing linked"), ("edition", Edition), ("number", "2"), ("pillar", "voorkomen"), ("publishable", "true")));
        await Ok(Add(database, Admin, "goal", "G-HIDDEN", ("title", "Goal whose only link is withheld"), ("edition", Edition), ("number", "3"), ("pillar", "voorkomen"), ("publishable", "true")));
        await Ok(Add(database, Admin, "indicator", "I-HIDDEN", ("title", "Secret indicator"), ("goal", "G-HIDDEN"), ("classification", "Stg.G")));

        // A publishable meeting with items at every marker level and a decision at every marker level on the public item.
        await Ok(Add(database, Admin, "meeting", "M-SWEEP", ("council", "RVI"), ("title", "Sweep meeting"), ("date", "2026-12-07"), ("security_level", "Stg.ZG"), ("publishable", "true")));
        foreach (var (tag, level, compartments, publishable) in Markers)
        {
            var item = tag == "PUB" ? "AI-PUB" : $"AI-{tag}";
            await Ok(Add(database, Admin, "agenda-item", item, ("title", $"MARKER-{item} item"), ("council", "RVI"), ("meeting", "M-SWEEP"),
                ("classification", level), ("compartments", compartments), ("publishable", publishable ? "true" : "false")));
            await Ok(Add(database, Admin, "decision", $"D-{tag}", ("agenda_item", "AI-PUB"), ("title", $"MARKER-D-{tag} decision"),
                ("classification", level), ("compartments", compartments), ("publishable", publishable ? "true" : "false")));
        }
        return database;
    }

    private static async Task<Audience> AudienceAsync(IBakenDb db, string text)
    {
        var directory = await CompartmentDirectory.LoadAsync(db);
        directory.TryParseAudience(text, out var audience, out var error).ShouldBeTrue(error?.ToString());
        return audience;
    }

    private static ProductDocuments Products(IBakenDb db) => new(db, new LoadStrategy(db), new MeetingPapers(db, new ForwardAgenda(db)));

    /// <summary>The markers this audience may see.</summary>
    private static HashSet<string> Admitted(Audience audience)
    {
        var bits = new Dictionary<string, long> { ["NUC"] = 1, ["CYB"] = 2 };
        return Markers.Where(m =>
        {
            ClassificationLevels.TryParse(m.Level, out var level);
            var mask = m.Compartments is { } c ? bits[c] : 0;
            return audience.Admits(new Classification(level, mask), m.Publishable);
        }).Select(m => m.Tag).ToHashSet();
    }

    /// <summary>The marking line expected for a product holding the admitted markers: highest level, union of compartments.</summary>
    private static string ExpectedMarking(IEnumerable<string> admitted)
    {
        var held = Markers.Where(m => admitted.Contains(m.Tag)).ToList();
        var level = held.Select(m => ClassificationLevels.TryParse(m.Level, out var l) ? l : ClassificationLevel.StaatsgeheimZeerGeheim).DefaultIfEmpty().Max();
        return new Marking(level, new[] { "NUC", "CYB" }.Where(c => held.Any(m => m.Compartments == c))).Text;
    }

    /// <summary>Every text a reader or a tool can get out of the files: the HTML, and every XML part of the DOCX.</summary>
    private static (string Html, string DocxXml) Render(ReportDocument document)
    {
        var html = HtmlDocumentWriter.Write(document);
        using var zip = new ZipArchive(new MemoryStream(DocxWriter.ToBytes(document)));
        var xml = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            xml.Append(reader.ReadToEnd());
        }
        return (html, xml.ToString());
    }

    private static void AssertMarked(ReportDocument document, string html, string docxXml, string expected)
    {
        document.ClassificationMarking.ShouldBe(expected);
        var encoded = System.Net.WebUtility.HtmlEncode(expected).Replace("&#39;", "'");
        html.ShouldContain($"<meta name=\"classification\" content=\"{expected}\">");
        html.ShouldContain($"marking-top\" role=\"note\" aria-label=\"Classification\">{expected}</div>");
        html.ShouldContain($"marking-bottom\" role=\"note\" aria-label=\"Classification\">{expected}</div>");
        docxXml.ShouldContain($"name=\"{DocxWriter.ClassificationProperty}\"");
        docxXml.ShouldContain($">{expected}</vt:lpwstr>");
        docxXml.ShouldContain($">{expected}</w:t>");
        _ = encoded;
    }

    private static void AssertNothingAbove(string text, IEnumerable<string> markers, string product)
    {
        foreach (var marker in markers) text.ShouldNotContain(marker, customMessage: $"{product}: {marker} is above the audience");
    }

    /// <summary>The sweep: one register with every marker, every product for every audience (seeded once per database).</summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sweep_EveryProductForEveryAudience_HoldsOnlyWhatItMaySee_IsMarkedWithTheHighWater_AndSaysWhereItLeftOut(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        foreach (var audienceText in Audiences)
        {
            await ProgressReportAsync(database, audienceText);
            await MeetingPapersAsync(database, audienceText);
            await ReleaseAsync(database, audienceText);
        }
    }

    private static async Task ProgressReportAsync(TestDatabase database, string audienceText)
    {
        await using var db = database.Context(Admin);
        var audience = await AudienceAsync(db, audienceText);
        var admitted = Admitted(audience);
        var product = await Products(db).ProgressAsync(audience, new DateOnly(2026, 12, 1), "en", Edition);
        var (html, docx) = Render(product.Document);

        foreach (var text in new[] { html, docx })
        {
            AssertNothingAbove(text, Markers.Where(m => !admitted.Contains(m.Tag)).Select(m => $"MARKER-M-{m.Tag}"), $"progress for {audienceText}");
            foreach (var tag in admitted) text.ShouldContain($"MARKER-M-{tag}");
            // Never counts per level above the reader's.
            if (audience.IsPublic) { text.ShouldNotContain("Staatsgeheim"); text.ShouldNotContain("Departementaal"); }
        }
        AssertMarked(product.Document, html, docx, ExpectedMarking(admitted));

        var withheld = Markers.Length - admitted.Count;
        if (withheld > 0) html.ShouldContain($"{withheld} measure(s) or indicator(s) of this goal are not included in this version.");
        else html.ShouldNotContain("of this goal are not included");
        // True on the full register for G-EMPTY only: G-HIDDEN has a measure, even where this version leaves it out.
        Count(html, "No measures or indicators linked.").ShouldBe(1);
        var hiddenSection = html[html.IndexOf("G-HIDDEN", StringComparison.Ordinal)..];
        hiddenSection.ShouldNotContain("No measures or indicators linked.");
        if (!admitted.Contains("STGG")) hiddenSection.ShouldContain("1 measure(s) or indicator(s) of this goal are not included in this version.");
    }

    private static async Task MeetingPapersAsync(TestDatabase database, string audienceText)
    {
        await using var db = database.Context(Admin);
        var audience = await AudienceAsync(db, audienceText);
        var admitted = Admitted(audience);
        foreach (var kind in new[] { "agenda", "minutes" })
        {
            var product = (await Products(db).MeetingAsync(kind, "M-SWEEP", audience, "en")).Value!;
            var (html, docx) = Render(product.Document);
            var hidden = Markers.Where(m => !admitted.Contains(m.Tag)).SelectMany(m => new[] { $"MARKER-AI-{m.Tag} ", $"MARKER-D-{m.Tag} " }).ToList();
            foreach (var text in new[] { html, docx })
            {
                AssertNothingAbove(text, hidden, $"{kind} for {audienceText}");
                text.ShouldContain("MARKER-AI-PUB");
                if (kind == "minutes") foreach (var tag in admitted) text.ShouldContain($"MARKER-D-{tag}");
            }
            AssertMarked(product.Document, html, docx, ExpectedMarking(admitted));
            var left = Markers.Length - admitted.Count;
            if (left > 0)
            {
                html.ShouldContain($"{left} agenda item(s) of this meeting are not included in this version.");
                if (kind == "minutes") html.ShouldContain($"{left} paper(s), decision(s) or action(s) of this item are not included in this version.");
            }
            else html.ShouldNotContain("not included in this version");
        }
    }

    /// <summary>A release stores the rendered file with its hash; the Public role sees only what was released to the public.</summary>
    private static async Task ReleaseAsync(TestDatabase database, string audienceText)
    {
        string code;
        await using (var db = database.Context(Coordinator))
        {
            var audience = await AudienceAsync(db, audienceText);
            var product = await Products(db).ProgressAsync(audience, new DateOnly(2026, 12, 1), "en", Edition);
            var result = await ReleaseFiles.ReleaseAsync(new ReleaseProduct(db, Coordinator, TimeProvider.System), product, audience, "html");
            result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors) + result.Message);
            var release = result.Value!;
            release.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(release.Content)));
            release.Marking.ShouldBe(product.Document.ClassificationMarking);
            release.ReleaseNumber.ShouldBe(1);
            Encoding.UTF8.GetString(release.Content).ShouldBe(HtmlDocumentWriter.Write(product.Document));
            code = release.Code;

            // Again is a new version, never a change to the first.
            var again = await ReleaseFiles.ReleaseAsync(new ReleaseProduct(db, Coordinator, TimeProvider.System), product, audience, "docx");
            again.Value!.ReleaseNumber.ShouldBe(2);
        }
        await using (var db = database.Context(PublicReader))
        {
            var seen = await new ListReleases(db).HandleAsync();
            var get = await new ListReleases(db).GetAsync(code);
            // "public" is swept first: its two versions are all the Public role ever sees.
            seen.Count.ShouldBe(2);
            seen.ShouldAllBe(r => r.Audience == "public");
            get.Status.ShouldBe(audienceText == "public" ? ResultStatus.Ok : ResultStatus.NotFound);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Release_IsRefusedNamingTheSection_WhenTheFileHoldsAWithheldRecord_OnlyForCoordinators_AndIsNeverChanged(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        // A publishable goal whose title names a secret measure: the public file would leak its code.
        await Ok(Edit(database, Admin, "goal", "G-EMPTY", ("title", "Follow-up of M-STGG")));
        await using var db = database.Context(Coordinator);
        var product = await Products(db).ProgressAsync(Audience.Public, new DateOnly(2026, 12, 1), "en", Edition);
        var refused = await ReleaseFiles.ReleaseAsync(new ReleaseProduct(db, Coordinator, TimeProvider.System), product, Audience.Public, "docx");
        refused.Status.ShouldBe(ResultStatus.Invalid);
        refused.Errors.ShouldContain(e => e.Field == "section" && e.Value == "G-EMPTY Follow-up of M-STGG" && e.Allowed.Contains("measure M-STGG"));
        (await db.Releases.IgnoreQueryFilters().CountAsync()).ShouldBe(0);

        // The same check on the HTML file.
        var refusedHtml = await ReleaseFiles.ReleaseAsync(new ReleaseProduct(db, Coordinator, TimeProvider.System), product, Audience.Public, "html");
        refusedHtml.Errors.ShouldContain(e => e.Field == "section" && e.Value == "G-EMPTY Follow-up of M-STGG");

        // An analyst may not release at all.
        var analyst = new FixedUser("analyst", ClassificationLevel.StaatsgeheimZeerGeheim, -1L, [Roles.Analyst]);
        await using (var adb = database.Context(analyst))
        {
            var forbidden = await ReleaseFiles.ReleaseAsync(new ReleaseProduct(adb, analyst, TimeProvider.System), product, Audience.Caller, "docx");
            forbidden.Status.ShouldBe(ResultStatus.Forbidden);
        }

        // A product marked above the audience is refused before anything is rendered into a release.
        var secret = await Products(db).ProgressAsync(Audience.Caller, new DateOnly(2026, 12, 1), "en", Edition);
        var tooHigh = await ReleaseFiles.ReleaseAsync(new ReleaseProduct(db, Coordinator, TimeProvider.System), secret, Audience.Public, "docx");
        tooHigh.Errors.ShouldContain(e => e.Field == "audience");

        // A stored release cannot be changed.
        var ok = await ReleaseFiles.ReleaseAsync(new ReleaseProduct(db, Coordinator, TimeProvider.System), secret, Audience.Caller, "docx");
        ok.IsOk.ShouldBeTrue(string.Join("; ", ok.Errors));
        var stored = await db.Releases.SingleAsync(r => r.Code == ok.Value!.Code);
        stored.Title = "changed";
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
