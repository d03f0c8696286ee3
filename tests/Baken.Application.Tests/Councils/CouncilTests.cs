using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Infrastructure.Reports.Councils;
using Baken.Infrastructure.Reports.Documents;
using Baken.Testing;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Councils;

/// <summary>Council steering on the register: security levels, the forward agenda, follow-up and redacted papers.</summary>
public sealed class CouncilTests
{
    private static readonly FixedUser Secretariat = new("secretariat", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.Secretariat]);

    private static async Task<TestDatabase> WithMeetings(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var u = FixedUser.System;
        await Ok(Edit(database, u, "council-member", "RVI-03", ("clearance", "Dep.V")));
        await Ok(Add(database, u, "meeting", "M-RVI-1", ("council", "RVI"), ("title", "RVI December"), ("date", "2026-12-07"), ("security_level", "Stg.G"), ("invited", "RVI-01;RVI-02")));
        await Ok(Add(database, u, "meeting", "M-MCEV-0", ("council", "MCEV"), ("title", "MCEV October"), ("date", "2026-10-05"), ("security_level", "Dep.V"), ("status", "held"), ("publishable", "true")));
        await Ok(Add(database, u, "meeting", "M-MCEV-1", ("council", "MCEV"), ("title", "MCEV December"), ("date", "2026-12-10"), ("security_level", "Dep.V"), ("publishable", "true")));
        return database;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SecurityLevels_AMemberBelowTheLevelCannotBeInvited_AndAnItemAboveItCannotBeScheduled(DatabaseProvider provider)
    {
        await using var database = await WithMeetings(provider);
        var invite = await Edit(database, FixedUser.System, "meeting", "M-RVI-1", ("invited", "RVI-01;RVI-03"));
        invite.Errors.ShouldContain(e => e.Field == "invited" && e.Value == "RVI-03" && e.Allowed.Contains("Staatsgeheim Geheim"));

        var schedule = await Add(database, FixedUser.System, "agenda-item", "AI-X", ("title", "Covert capability"), ("council", "MCEV"), ("meeting", "M-MCEV-1"), ("classification", "Stg.C"));
        schedule.Errors.ShouldContain(e => e.Field == "meeting" && e.Value == "M-MCEV-1");

        // On the forward agenda (no meeting yet) the same item is fine, and on a meeting at its level too.
        await Ok(Add(database, FixedUser.System, "agenda-item", "AI-X", ("title", "Covert capability"), ("council", "RVI"), ("classification", "Stg.C")));
        await Ok(Edit(database, FixedUser.System, "agenda-item", "AI-X", ("meeting", "M-RVI-1")));
        // Lowering the meeting's level below its items is refused as well.
        var lower = await Edit(database, FixedUser.System, "meeting", "M-RVI-1", ("security_level", "Ongerubriceerd"));
        lower.Errors.ShouldContain(e => e.Field == "security_level" && e.Allowed.Contains("AI-X"));
        // An item of one council cannot go on another council's meeting.
        var wrongCouncil = await Add(database, FixedUser.System, "agenda-item", "AI-Y", ("title", "Trade"), ("council", "RDIA"), ("meeting", "M-MCEV-1"));
        wrongCouncil.Errors.ShouldContain(e => e.Field == "meeting");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForwardAgenda_WarnsOfOverlap_CoversTheDiscussedGoals_AndCarriesOverdueActionsToTheNextMeeting(DatabaseProvider provider)
    {
        await using var database = await WithMeetings(provider);
        var u = FixedUser.System;
        await Ok(Add(database, u, "agenda-item", "AI-1", ("title", "Chinese investments in ports"), ("council", "RVI"), ("meeting", "M-RVI-1"), ("links", "goal:GOAL-09")));
        await Ok(Add(database, u, "agenda-item", "AI-2", ("title", "Port security and foreign takeovers"), ("council", "MCEV"), ("meeting", "M-MCEV-1"), ("links", "goal:GOAL-09")));
        await Ok(Add(database, u, "agenda-item", "AI-0", ("title", "Energy supply"), ("council", "MCEV"), ("meeting", "M-MCEV-0"), ("links", "goal:GOAL-11")));
        await Ok(Add(database, u, "decision", "D-0", ("agenda_item", "AI-0"), ("title", "Map gas dependencies")));
        await Ok(Add(database, u, "action", "A-LATE", ("decision", "D-0"), ("title", "Dependency map"), ("owner", "EZK"), ("deadline", "2026-11-01")));
        await Ok(Add(database, u, "action", "A-DONE", ("decision", "D-0"), ("title", "Letter"), ("deadline", "2026-10-20"), ("status", "done")));
        await Ok(Add(database, u, "action", "A-FUTURE", ("decision", "D-0"), ("title", "Follow-up study"), ("deadline", "2027-03-01")));

        await using var db = database.Context(Secretariat);
        var agenda = new ForwardAgenda(db);
        var view = await agenda.HandleAsync(new DateOnly(2026, 11, 23));
        var overlap = view.Overlaps.ShouldHaveSingleItem();
        new[] { overlap.First.ItemCode, overlap.Second.ItemCode }.ShouldBe(["AI-1", "AI-2"]);
        overlap.SharedCodes.ShouldBe(["goal:GOAL-09"]);

        var overdue = view.OverdueActions.ShouldHaveSingleItem();
        overdue.Action.Code.ShouldBe("A-LATE");
        overdue.NextMeeting!.Code.ShouldBe("M-MCEV-1");
        var papers = (await new MeetingPapers(db, agenda).HandleAsync("M-MCEV-1")).Value!;
        papers.CarriedOver.Select(c => c.Action.Code).ShouldBe(["A-LATE"]);

        var coverage = await agenda.CoverageAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 23));
        coverage.Goals.Where(g => g.Discussed).Select(g => g.Goal.Code).ShouldBe(["goal:GOAL-11"]); // December meetings lie after the cycle
        coverage.NotDiscussed.Count.ShouldBe(12);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicSummary_ContainsNothingClassifiedOrUnpublished_AndCountsWhatWasWithheld(DatabaseProvider provider)
    {
        await using var database = await WithMeetings(provider);
        var u = FixedUser.System;
        await Ok(Add(database, u, "agenda-item", "AI-PUB", ("title", "Resilience of drinking water"), ("council", "MCEV"), ("meeting", "M-MCEV-1"), ("publishable", "true")));
        await Ok(Add(database, u, "decision", "D-PUB", ("agenda_item", "AI-PUB"), ("title", "Publish the resilience plan"), ("publishable", "true")));
        await Ok(Add(database, u, "agenda-item", "AI-DEPV", ("title", "DEPV-MARKER vendor assessment"), ("council", "MCEV"), ("meeting", "M-MCEV-1"), ("classification", "Dep.V")));
        await Ok(Add(database, u, "decision", "D-HIDDEN", ("agenda_item", "AI-PUB"), ("title", "INTERNAL-MARKER budget line")));
        await Ok(Edit(database, u, "meeting", "M-MCEV-1", ("minutes", "MINUTES-MARKER the ministers discussed")));

        await using var db = database.Context(u);
        var papers = new MeetingPapers(db, new ForwardAgenda(db));
        var full = (await papers.HandleAsync("M-MCEV-1")).Value!;
        var minutes = MeetingDocuments.Minutes(full, "en");
        HtmlDocumentWriter.Write(minutes).ShouldContain("INTERNAL-MARKER");
        minutes.ClassificationMarking.ShouldBe("DEP. VERTROUWELIJK");

        var pub = (await papers.HandleAsync("M-MCEV-1", Audience.Public)).Value!;
        pub.WithheldItems.ShouldBe(1); // AI-DEPV
        pub.WithheldPerItem["AI-PUB"].ShouldBe(1); // D-HIDDEN, not publishable
        var summary = MeetingDocuments.Minutes(pub, "en");
        var html = HtmlDocumentWriter.Write(summary);
        var docxText = DocxText(DocxWriter.ToBytes(summary));
        foreach (var text in new[] { html, docxText })
        {
            text.ShouldContain("Publish the resilience plan");
            text.ShouldNotContain("DEPV-MARKER");
            text.ShouldNotContain("INTERNAL-MARKER");
            text.ShouldNotContain("MINUTES-MARKER");
            text.ShouldContain("1 agenda item(s) of this meeting are not included in this version.");
            text.ShouldContain("1 paper(s), decision(s) or action(s) of this item are not included in this version.");
            text.ShouldNotContain("Departementaal"); // no counts per level above the audience
        }
    }

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Concat(doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text + " "));
    }
}
