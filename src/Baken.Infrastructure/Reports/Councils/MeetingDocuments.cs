using System.Globalization;
using Baken.Application.Councils;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Reports.Councils;

/// <summary>
/// The papers of a meeting: the agenda with its papers pack (before), the minutes (after) and the public summary,
/// which is the minutes of the public audience's view of the meeting — the same composition, with what the public may
/// not see left out and counted.
/// </summary>
public static class MeetingDocuments
{
    public static ReportDocument Agenda(MeetingView v, string language = "nl")
    {
        var nl = language == "nl";
        string T(string dutch, string english) => nl ? dutch : english;
        var m = v.Meeting;
        var blocks = new List<DocumentBlock>
        {
            new Paragraph(T($"Vergadering van {CouncilName(v)} op {Date(m.Date)}, niveau {m.SecurityLevel.DisplayName()}.",
                $"Meeting of {CouncilName(v)} on {Date(m.Date)}, security level {m.SecurityLevel.DisplayName()}.")),
        };
        if (v.Invited.Count > 0)
        {
            blocks.Add(new Heading(1, T("Genodigden", "Invited")));
            blocks.Add(new BulletList(v.Invited.Select(i => $"{i.Name}{(i.Role is { Length: > 0 } r && r != i.Name ? " — " + r : "")}").ToList()));
        }
        blocks.Add(new Heading(1, T("Agenda", "Agenda")));
        var n = 0;
        foreach (var item in v.Items)
        {
            n++;
            blocks.Add(new Heading(2, $"{n}. {item.Item.Title}"));
            var facts = new List<string>();
            if (item.Item.CommitteeCode is { } c) facts.Add(T("Voorbereid in ", "Prepared in ") + c);
            if (item.Item.Requester is { } r) facts.Add(T("Aangevraagd door ", "Requested by ") + r);
            if (item.Item.PapersDeadline is { } d) facts.Add(T("Stukken uiterlijk ", "Papers due ") + Date(d));
            facts.Add(item.Item.ClassificationLevel.DisplayName());
            blocks.Add(new Paragraph(string.Join(" · ", facts)));
            if (item.Item.Summary is { Length: > 0 } s) blocks.Add(new Paragraph(s));
            if (item.Papers.Count > 0)
                blocks.Add(new Table(T("Stukken", "Papers"), [T("Stuk", "Paper"), T("Bestand", "File"), T("Rubricering", "Classification")],
                    item.Papers.Select(p => (IReadOnlyList<string>)[p.Title, p.FileName, p.ClassificationLevel.DisplayName()]).ToList()));
            AddItemWithheld(blocks, v, item, nl);
        }
        if (v.Items.Count == 0 && v.WithheldItems == 0) blocks.Add(new Paragraph(T("Nog geen agendapunten.", "No agenda items yet.")));
        AddItemsWithheld(blocks, v, nl);
        AddCarriedOver(blocks, v, nl);
        AddWithheld(blocks, v, nl);
        return new ReportDocument(T("Agenda en stukken", "Agenda and papers") + " — " + m.Title, language, Marking(v), blocks, CouncilName(v), Date(m.Date));
    }

    public static ReportDocument Minutes(MeetingView v, string language = "nl")
    {
        var nl = language == "nl";
        string T(string dutch, string english) => nl ? dutch : english;
        var m = v.Meeting;
        var blocks = new List<DocumentBlock>();
        if (!v.Audience.PublicOnly && m.Minutes is { Length: > 0 } minutes)
        {
            // Free-text minutes carry the meeting record's classification and are never part of the public summary.
            blocks.Add(new Heading(1, T("Verslag", "Minutes")));
            blocks.Add(new Paragraph(minutes));
        }
        blocks.Add(new Heading(1, T("Besluiten", "Decisions")));
        var n = 0;
        foreach (var item in v.Items)
        {
            n++;
            blocks.Add(new Heading(2, $"{n}. {item.Item.Title}"));
            if (item.Decisions.Count == 0 && !v.WithheldPerItem.ContainsKey(item.Item.Code))
                blocks.Add(new Paragraph(T("Geen besluit vastgelegd.", "No decision recorded.")));
            foreach (var d in item.Decisions)
            {
                blocks.Add(new Paragraph(d.Title, Emphasis: true));
                if (d.Text is { Length: > 0 } t) blocks.Add(new Paragraph(t));
            }
            if (item.Actions.Count > 0)
                blocks.Add(new Table(T("Acties", "Actions"), [T("Actie", "Action"), T("Eigenaar", "Owner"), T("Termijn", "Deadline"), T("Status", "Status")],
                    item.Actions.Select(a => (IReadOnlyList<string>)[a.Title, a.Owner ?? "", Date(a.Deadline), a.Status.ToString()]).ToList()));
            AddItemWithheld(blocks, v, item, nl);
        }
        AddItemsWithheld(blocks, v, nl);
        AddWithheld(blocks, v, nl);
        var title = v.Audience.PublicOnly ? T("Openbare samenvatting", "Public summary") : T("Verslag", "Minutes");
        return new ReportDocument($"{title} — {m.Title}", language, Marking(v), blocks, CouncilName(v), Date(m.Date));
    }

    private static void AddCarriedOver(List<DocumentBlock> blocks, MeetingView v, bool nl)
    {
        if (v.CarriedOver.Count == 0) return;
        blocks.Add(new Heading(1, nl ? "Verlopen acties (automatisch geagendeerd)" : "Overdue actions (put on the agenda automatically)"));
        blocks.Add(new Table(null, [nl ? "Actie" : "Action", nl ? "Eigenaar" : "Owner", nl ? "Termijn" : "Deadline", nl ? "Uit besluit" : "From decision"],
            v.CarriedOver.Select(o => (IReadOnlyList<string>)[o.Action.Title, o.Action.Owner ?? "", Date(o.Action.Deadline), o.Decision.Title]).ToList()));
    }

    private static void AddWithheld(List<DocumentBlock> blocks, MeetingView v, bool nl)
    {
        if (WithheldNotice.For(v.WithheldCount, nl) is { } notice) blocks.Add(notice);
    }

    /// <summary>Under the item: how many of its papers, decisions and actions this version leaves out (a number, never titles).</summary>
    private static void AddItemWithheld(List<DocumentBlock> blocks, MeetingView v, MeetingItem item, bool nl)
    {
        if (v.WithheldPerItem.GetValueOrDefault(item.Item.Code) is > 0 and var n)
            blocks.Add(new Notice(nl ? $"{n} stuk(ken), besluit(en) of actie(s) bij dit agendapunt zijn niet opgenomen in deze versie."
                : $"{n} paper(s), decision(s) or action(s) of this item are not included in this version."));
    }

    private static void AddItemsWithheld(List<DocumentBlock> blocks, MeetingView v, bool nl)
    {
        if (v.WithheldItems > 0)
            blocks.Add(new Notice(nl ? $"{v.WithheldItems} agendapunt(en) van deze vergadering zijn niet opgenomen in deze versie."
                : $"{v.WithheldItems} agenda item(s) of this meeting are not included in this version."));
    }

    private static string Marking(MeetingView v) => v.Marking.Text;

    private static string CouncilName(MeetingView v) => v.Council?.Name ?? v.Meeting.CouncilCode;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
