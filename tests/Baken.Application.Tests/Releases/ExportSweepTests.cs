using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain.Councils;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Baken.Domain.Users;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Persistence;
using Baken.Infrastructure.Reports.Councils;
using Baken.Infrastructure.Stix;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Releases;

/// <summary>
/// The second release sweep (issue 14): the table exports (register CSV, XLSX and JSON), STIX bundles and council pack
/// ZIPs, each made by a reader at every audience, with a marker record at every level and in two compartments. Nothing
/// the reader may not see appears in the rendered text (CSV cells, every XML part of the XLSX, the JSON, the STIX JSON,
/// every ZIP entry and the documents inside it), and the marking each file carries equals the high-water mark of the
/// markers that went in.
/// </summary>
public sealed class ExportSweepTests
{
    private static readonly FixedUser Admin = FixedUser.System;

    /// <summary>Marker records: tag, level, compartments, publishable. Every title carries "MARKER-" and the tag.</summary>
    private static readonly (string Tag, string Level, string? Compartments, bool Publishable)[] Markers = SweepMarkers.All;

    private static readonly Dictionary<string, long> Bits = new() { ["NUC"] = 1, ["CYB"] = 2 };

    /// <summary>The readers, one per audience: the public, Dep.V, Stg.G holding NUC, and the internal view (everything).</summary>
    private static readonly (string Name, FixedUser User, Audience Audience)[] Readers =
    [
        ("public", TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "parliament", Roles.Public), Audience.Public),
        ("Dep.V", TestDatabase.UserAt(ClassificationLevel.DepartementaalVertrouwelijk, 0, "reader-depv", Roles.Coordinator),
            new Audience(ClassificationLevel.DepartementaalVertrouwelijk, 0, false, "Dep.V")),
        ("Stg.G // NUC", TestDatabase.UserAt(ClassificationLevel.StaatsgeheimGeheim, 1, "reader-stgg-nuc", Roles.Coordinator),
            new Audience(ClassificationLevel.StaatsgeheimGeheim, 1, false, "Stg.G // NUC")),
        ("internal", Admin, new Audience(ClassificationLevel.StaatsgeheimZeerGeheim, -1L, false, "internal")),
    ];

    private static Classification ClassOf((string Tag, string Level, string? Compartments, bool Publishable) m)
    {
        ClassificationLevels.TryParse(m.Level, out var level).ShouldBeTrue();
        return new Classification(level, m.Compartments is { } c ? Bits[c] : 0);
    }

    private static HashSet<string> Admitted(Audience audience) =>
        Markers.Where(m => audience.Admits(ClassOf(m), m.Publishable)).Select(m => m.Tag).ToHashSet();

    private static string ExpectedMarking(IEnumerable<string> admitted)
    {
        var held = Markers.Where(m => admitted.Contains(m.Tag)).ToList();
        var level = held.Select(m => ClassOf(m).Level).DefaultIfEmpty().Max();
        return new Marking(level, new[] { "NUC", "CYB" }.Where(c => held.Any(m => m.Compartments == c))).Text;
    }

    private static string StixId(int i) => $"indicator--00000000-0000-4000-8000-{i:000000000000}";

    private const string RelationshipId = "relationship--00000000-0000-4000-8000-999999999999";

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var database = await SweepMarkers.DatabaseAsync(provider);
        foreach (var (tag, level, compartments, publishable) in Markers)
            await Ok(Add(database, Admin, "measure", $"M-{tag}", ("title", $"MARKER-M-{tag} measure"), ("classification", level),
                ("compartments", compartments), ("publishable", publishable ? "true" : "false")));

        // A publishable meeting whose public item holds a paper at every marker level, and an item at every marker level.
        await Ok(Add(database, Admin, "meeting", "M-SWEEP", ("council", "RVI"), ("title", "Sweep meeting"), ("date", "2026-12-07"), ("security_level", "Stg.ZG"), ("publishable", "true")));
        foreach (var (tag, level, compartments, publishable) in Markers)
            await Ok(Add(database, Admin, "agenda-item", $"AI-{tag}", ("title", $"MARKER-AI-{tag} item"), ("council", "RVI"), ("meeting", "M-SWEEP"),
                ("classification", level), ("compartments", compartments), ("publishable", publishable ? "true" : "false")));

        await using (var db = database.Context(Admin))
        {
            var i = 0;
            foreach (var m in Markers)
            {
                i++;
                var paper = new CouncilDocument
                {
                    Title = $"MARKER-DOC-{m.Tag} paper", AgendaItemCode = "AI-PUB", FileName = $"paper-{m.Tag}.txt", ContentType = "text/plain",
                    Content = Encoding.UTF8.GetBytes($"MARKER-DOC-{m.Tag} content"), Publishable = m.Publishable,
                };
                paper.Size = paper.Content.Length;
                paper.Recode($"DOC-{m.Tag}");
                paper.Classify(ClassOf(m));
                db.AddRecord(paper);

                var stix = new StixObjectRecord
                {
                    StixType = "indicator", SpecVersion = "2.1",
                    Json = $$"""{"type":"indicator","spec_version":"2.1","id":"{{StixId(i)}}","name":"MARKER-S-{{m.Tag}} indicator","pattern":"[domain-name:value = 'x{{i}}.example']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z"}""",
                    Publishable = m.Publishable,
                };
                stix.Recode(StixId(i));
                stix.Classify(ClassOf(m));
                db.AddRecord(stix);
            }
            // An unclassified, publishable relationship that points at the Stg.ZG indicator: whoever may not see that
            // indicator must not get its id through the relationship.
            var zg = Array.FindIndex(Markers, m => m.Tag == "STGZG") + 1;
            var relationship = new StixObjectRecord
            {
                StixType = "relationship", SpecVersion = "2.1", Publishable = true,
                Json = $$"""{"type":"relationship","spec_version":"2.1","id":"{{RelationshipId}}","relationship_type":"indicates","source_ref":"{{StixId(zg)}}","target_ref":"{{StixId(1)}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z"}""",
            };
            relationship.Recode(RelationshipId);
            db.AddRecord(relationship);
            await db.SaveChangesAsync();
        }
        return database;
    }

    private static void AssertNothingAbove(string text, Audience audience, string prefix, string product)
    {
        var admitted = Admitted(audience);
        foreach (var m in Markers.Where(m => !admitted.Contains(m.Tag)))
            text.ShouldNotContain($"MARKER-{prefix}-{m.Tag} ", customMessage: $"{product} for {audience.Name}: {m.Tag} is above the audience");
        foreach (var tag in admitted)
            text.ShouldContain($"MARKER-{prefix}-{tag} ", customMessage: $"{product} for {audience.Name}: {tag} may be seen and should be there");
    }

    /// <summary>Every XML part of an Office file (or any ZIP) as one text.</summary>
    private static string ZipText(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        var text = new StringBuilder();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            // Documents inside a pack are ZIPs themselves (DOCX): read their parts too.
            text.Append(bytes.Length > 1 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' ? ZipText(bytes) : Encoding.UTF8.GetString(bytes)).Append('\n');
        }
        return text.ToString();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sweep_EveryExportForEveryAudience_HoldsOnlyWhatItMaySee_AndCarriesTheHighWaterMarking(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        foreach (var (_, user, audience) in Readers)
        {
            await RegisterExportsAsync(database, user, audience);
            await StixBundleAsync(database, user, audience);
            await PackAsync(database, user, audience);
        }
    }

    private static async Task RegisterExportsAsync(TestDatabase database, FixedUser user, Audience audience)
    {
        await using var db = database.Context(user);
        var export = new ExportRecords(db);
        var rows = (await export.HandleAsync("measure")).Value!;
        var marking = (await export.MarkingAsync(rows)).Text;
        marking.ShouldBe(ExpectedMarking(Admitted(audience)), $"register export for {audience.Name}");
        var kind = RecordKinds.Find("measure")!;

        foreach (var format in new[] { RegisterFileFormat.Csv, RegisterFileFormat.Xlsx, RegisterFileFormat.Json })
        {
            using var stream = new MemoryStream();
            RegisterFileWriter.Write(stream, kind, rows, format, marking);
            var bytes = stream.ToArray();
            var text = format == RegisterFileFormat.Xlsx ? ZipText(bytes) : Encoding.UTF8.GetString(bytes);
            AssertNothingAbove(text, audience, "M", $"{format} export");

            // The file still reads back as the register file it is, with every row.
            var read = RegisterFileReader.Read(new MemoryStream(bytes), format);
            read.Errors.ShouldBeEmpty();
            read.Rows.Count.ShouldBe(rows.Count);

            switch (format)
            {
                case RegisterFileFormat.Csv:
                    // A CSV carries no marking row: the first line is the header our importers read.
                    text.Split('\n')[0].ShouldStartWith("code,classification,compartments");
                    break;
                case RegisterFileFormat.Xlsx:
                    MarkedFiles.XlsxMarking(bytes).ShouldBe(marking);
                    text.ShouldContain($"<x:oddHeader>&amp;C{marking}</x:oddHeader>", Case.Sensitive, $"no header in {text[..Math.Min(text.Length, 2000)]}");
                    text.ShouldContain($"<x:oddFooter>&amp;C{marking}</x:oddFooter>");
                    break;
                default:
                    using (var json = JsonDocument.Parse(bytes))
                        json.RootElement.GetProperty(MarkedFiles.JsonMember).GetString().ShouldBe(marking);
                    break;
            }
        }
    }

    private static async Task StixBundleAsync(TestDatabase database, FixedUser user, Audience audience)
    {
        await using var db = database.Context(user);
        var export = await new ExportStixObjects(db).MarkedAsync();
        var marking = (await CompartmentDirectory.LoadAsync(db)).Marking(export.Classification).Text;
        using var stream = new MemoryStream();
        StixBundleWriter.Write(export.Objects, stream, new StixBundleWriteOptions(Marking: marking));
        var text = Encoding.UTF8.GetString(stream.ToArray());

        AssertNothingAbove(text, audience, "S", "STIX bundle");
        marking.ShouldBe(ExpectedMarking(Admitted(audience)), $"STIX bundle for {audience.Name}");
        // No id of an object the reader may not see: the relationship to the Stg.ZG indicator goes with it.
        var admitted = Admitted(audience);
        for (var i = 1; i <= Markers.Length; i++)
            if (!admitted.Contains(Markers[i - 1].Tag)) text.ShouldNotContain(StixId(i));
        if (admitted.Contains("STGZG")) text.ShouldContain(RelationshipId);
        else
        {
            text.ShouldNotContain(RelationshipId);
            export.Withheld.ShouldBe(1);
        }

        using var bundle = JsonDocument.Parse(text);
        bundle.RootElement.GetProperty(StixBundleWriter.MarkingProperty).GetString().ShouldBe(marking);
        var definition = bundle.RootElement.GetProperty("objects")[0];
        definition.GetProperty("type").GetString().ShouldBe("marking-definition");
        definition.GetProperty("definition_type").GetString().ShouldBe("statement");
        definition.GetProperty("definition").GetProperty("statement").GetString().ShouldBe(marking);
        definition.GetProperty(StixBundleWriter.MarkingProperty).GetString().ShouldBe(marking);
    }

    private static async Task PackAsync(TestDatabase database, FixedUser user, Audience audience)
    {
        await using var db = database.Context(user);
        var view = (await new MeetingPapers(db, new ForwardAgenda(db)).HandleAsync("M-SWEEP", Audience.Caller)).Value!;
        var directory = await CompartmentDirectory.LoadAsync(db);
        var zip = await PapersPack.BuildAsync(view,
            async (code, ct) => (await db.CouncilDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct))?.Content, "en", default,
            c => directory.Marking(c).Text);
        var text = ZipText(zip);
        var expected = ExpectedMarking(Admitted(audience));

        AssertNothingAbove(text, audience, "DOC", "pack");
        AssertNothingAbove(text, audience, "AI", "pack");
        view.Marking.Text.ShouldBe(expected, $"pack for {audience.Name}");

        using var archive = new ZipArchive(new MemoryStream(zip));
        archive.Comment.ShouldBe(expected);
        archive.Entries[0].FullName.ShouldBe(PapersPack.MarkingEntry);
        using (var reader = new StreamReader(archive.Entries[0].Open()))
        {
            var lines = reader.ReadToEnd().TrimEnd('\n').Split('\n');
            lines[0].ShouldBe(expected);
            lines[^1].ShouldBe(expected);
        }
        foreach (var entry in archive.Entries.Skip(1))
        {
            entry.Comment.ShouldNotBeNullOrEmpty(entry.FullName);
            var paper = Markers.FirstOrDefault(m => entry.FullName.Contains($"paper-{m.Tag}.txt", StringComparison.Ordinal));
            if (paper.Tag is not null) entry.Comment.ShouldBe(directory.Marking(ClassOf(paper)).Text, entry.FullName);
            else entry.Comment.ShouldBe(expected, entry.FullName);
        }
        // The agenda inside says at its item how many papers were left out, never which.
        var left = Markers.Length - Admitted(audience).Count;
        if (left > 0) text.ShouldContain("not included in this version");
    }
}
