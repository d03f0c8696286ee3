using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Councils;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Councils;

/// <summary>One item of a meeting with its papers (titles only), decisions and their actions.</summary>
public sealed record MeetingItem(AgendaItem Item, IReadOnlyList<CouncilDocument> Papers, IReadOnlyList<Decision> Decisions, IReadOnlyList<FollowUpAction> Actions);

/// <summary>
/// A meeting as its papers show it to an audience: the invitees, the items in order, their decisions and actions,
/// and the overdue actions of the council that come back on this agenda. Records the audience may not see are left
/// out and counted: per item (its papers, decisions and actions), the items of the meeting left out, and one total
/// (the public summary is made this way, never by hand). Counts include what the maker may not see either, so a pack
/// never says "nothing withheld" when something was; they are numbers only, never titles.
/// </summary>
public sealed record MeetingView(
    Meeting Meeting,
    Council? Council,
    IReadOnlyList<CouncilMember> Invited,
    IReadOnlyList<MeetingItem> Items,
    IReadOnlyList<OverdueAction> CarriedOver,
    int WithheldCount,
    Audience Audience)
{
    /// <summary>Per agenda item code: its papers, decisions and actions left out of this version.</summary>
    public IReadOnlyDictionary<string, int> WithheldPerItem { get; init; } = new Dictionary<string, int>();

    /// <summary>Agenda items of this meeting left out of this version.</summary>
    public int WithheldItems { get; init; }

    /// <summary>The marking line of the papers: the high-water mark of what they hold.</summary>
    public Marking Marking { get; init; } = Marking.Unclassified;

    public Classification Highest => Classification.Highest(
        Items.SelectMany(i => new Record[] { i.Item }.Concat(i.Papers).Concat(i.Decisions).Concat(i.Actions))
            .Concat(CarriedOver.Select(c => (Record)c.Action)).Append(Meeting).Select(r => r.Classification));
}

public sealed class MeetingPapers(IBakenDb db, ForwardAgenda agenda)
{
    public async Task<Result<MeetingView>> HandleAsync(string meetingCode, Audience? audience = null, CancellationToken ct = default)
    {
        audience ??= Audience.Caller;
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Code == meetingCode, ct);
        // The same answer for a meeting that does not exist and one the caller may not see.
        if (meeting is null) return Result<MeetingView>.NotFound(AllowedTexts.CouncilsNoMeeting.With(meetingCode));
        // The caller sees the meeting, so saying why it is not for the audience reveals nothing they do not know.
        if (!audience.Admits(meeting))
            return Result<MeetingView>.Invalid([new FieldError("meeting", meetingCode, audience.PublicOnly
                ? AllowedTexts.CouncilsPublicMeeting : AllowedTexts.CouncilsAudienceMeeting.With(audience.Name))]);

        var withheld = new Strategy.WithheldCounter(audience);
        List<T> Keep<T>(IEnumerable<T> records) where T : Record => withheld.Keep(records);

        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Code == meeting.CouncilCode, ct);
        var invitedCodes = meeting.Invited;
        var invited = Keep(await db.CouncilMembers.AsNoTracking().Where(m => invitedCodes.Contains(m.Code)).ToListAsync(ct))
            .OrderBy(m => invitedCodes.IndexOf(m.Code)).ToList();
        var items = Keep((await db.AgendaItems.AsNoTracking().Where(i => i.MeetingCode == meeting.Code).ToListAsync(ct))
            .OrderBy(i => i.Code, Register.NaturalComparer.Instance));
        var itemCodes = items.Select(i => i.Code).ToList();
        var papers = Keep(await db.CouncilDocuments.AsNoTracking().Where(d => itemCodes.Contains(d.AgendaItemCode))
            .Select(d => new CouncilDocument { Id = d.Id, Title = d.Title, AgendaItemCode = d.AgendaItemCode, FileName = d.FileName, ContentType = d.ContentType, Size = d.Size, Publishable = d.Publishable }
                .WithIdentity(d.Code, d.ClassificationLevel, d.CompartmentMask)).ToListAsync(ct));
        var decisions = Keep(await db.Decisions.AsNoTracking().Where(d => itemCodes.Contains(d.AgendaItemCode)).ToListAsync(ct));
        var decisionCodes = decisions.Select(d => d.Code).ToList();
        var actions = Keep(await db.FollowUpActions.AsNoTracking().Where(a => decisionCodes.Contains(a.DecisionCode)).ToListAsync(ct));

        // Open actions of this council whose deadline passed before the meeting come back on its agenda.
        var forward = await agenda.HandleAsync(meeting.Date, meeting.CouncilCode, ct: ct);
        var carried = forward.OverdueActions.Where(o => audience.Admits(o.Action) && audience.Admits(o.Item)).ToList();

        var result = items.Select(i => new MeetingItem(i,
            papers.Where(p => p.AgendaItemCode == i.Code).ToList(),
            decisions.Where(d => d.AgendaItemCode == i.Code).ToList(),
            actions.Where(a => decisions.Any(d => d.AgendaItemCode == i.Code && d.Code == a.DecisionCode)).OrderBy(a => a.Deadline).ToList())).ToList();

        // What the papers leave out, counted on the full register (numbers only): the caller may be unable to see a
        // compartmented item, and "0 withheld" would then be false.
        var allItems = await db.AgendaItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.MeetingCode == meeting.Code).Select(i => i.Code).ToListAsync(ct);
        var withheldItems = allItems.Count - items.Count;
        var perItem = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in result)
        {
            var code = item.Item.Code;
            var allPapers = await db.CouncilDocuments.IgnoreQueryFilters().CountAsync(d => d.AgendaItemCode == code, ct);
            var allDecisions = await db.Decisions.IgnoreQueryFilters().AsNoTracking().Where(d => d.AgendaItemCode == code).Select(d => d.Code).ToListAsync(ct);
            var allActions = await db.FollowUpActions.IgnoreQueryFilters().CountAsync(a => allDecisions.Contains(a.DecisionCode), ct);
            var left = allPapers - item.Papers.Count + allDecisions.Count - item.Decisions.Count + allActions - item.Actions.Count;
            if (left > 0) perItem[code] = left;
        }
        var total = withheldItems + perItem.Values.Sum() + invitedCodes.Count - invited.Count;
        var view = new MeetingView(meeting, council, invited, result, carried, total, audience) { WithheldItems = withheldItems, WithheldPerItem = perItem };
        var directory = await Register.CompartmentDirectory.LoadAsync(db, ct);
        return Result<MeetingView>.Ok(view with { Marking = directory.Marking(view.Highest) });
    }
}

internal static class CouncilDocumentProjection
{
    /// <summary>A paper's description without its content, for agendas and lists.</summary>
    public static CouncilDocument WithIdentity(this CouncilDocument d, string code, ClassificationLevel level, long compartments)
    {
        d.Recode(code);
        d.Classify(new Classification(level, compartments));
        return d;
    }
}
