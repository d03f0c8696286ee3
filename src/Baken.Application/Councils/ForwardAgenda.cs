using Baken.Methods.Councils;
using Baken.Methods.Strategy;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Councils;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Councils;

/// <summary>An agenda item with its meeting (null while on the forward agenda only) and the date it is planned for.</summary>
public sealed record PlannedItem(AgendaItem Item, Meeting? Meeting)
{
    public DateOnly? Date => Meeting?.Date ?? Item.PlannedFor;

    public AgendaEntry ToEntry() => new(Item.Code, Item.Title, Item.CouncilCode, Meeting?.Code, Date,
        Item.Links.Select(l => l.ToString()).ToList());
}

/// <summary>A follow-up action with its decision and item, and the next planned meeting of its council (where an overdue one goes).</summary>
public sealed record OverdueAction(FollowUpAction Action, Decision Decision, AgendaItem Item, Meeting? NextMeeting);

/// <summary>The forward agenda across all councils as the reader may see it, with its warnings.</summary>
public sealed record ForwardAgendaView(
    DateOnly AsOf,
    IReadOnlyList<Council> Councils,
    IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<PlannedItem> Items,
    IReadOnlyList<AgendaOverlap> Overlaps,
    IReadOnlyList<OverdueAction> OverdueActions)
{
    public IReadOnlyList<OverdueAction> CarriedTo(Meeting meeting) => OverdueActions.Where(a => a.NextMeeting?.Code == meeting.Code).ToList();
}

/// <summary>
/// The secretariat's instrument: one forward agenda over every council, warnings when the same topic is planned in
/// two councils within the overlap window, overdue follow-up actions put on their council's next meeting, and the
/// coverage of the strategy by what was discussed in a cycle.
/// </summary>
public sealed class ForwardAgenda(IBakenDb db)
{
    public async Task<ForwardAgendaView> HandleAsync(DateOnly asOf, string? councilCode = null, int overlapWindowDays = 90, CancellationToken ct = default)
    {
        var councils = (await db.Councils.AsNoTracking().ToListAsync(ct)).OrderBy(c => c.Code, NaturalComparer.Instance).ToList();
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Date).ToListAsync(ct);
        var byCode = meetings.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var loaded = await db.AgendaItems.AsNoTracking().ToListAsync(ct);
        await MaskLinksAsync(loaded, ct);
        var items = loaded
            .Select(i => new PlannedItem(i, i.MeetingCode is { } m ? byCode.GetValueOrDefault(m) : null))
            .OrderBy(p => p.Date ?? DateOnly.MaxValue).ThenBy(p => p.Item.Code, NaturalComparer.Instance).ToList();
        // Overlaps are looked for across all councils even when one is asked for: that is the point of them.
        var overlaps = AgendaOverlaps.Find(items.Select(p => p.ToEntry()).ToList(), overlapWindowDays);

        var overdue = (await ActionsAsync(asOf, null, ct)).Where(a => a.Action.Status == ActionStatus.Open && a.Action.Deadline < asOf).ToList();

        if (councilCode is not null)
        {
            meetings = meetings.Where(m => m.CouncilCode == councilCode).ToList();
            items = items.Where(p => p.Item.CouncilCode == councilCode).ToList();
            overlaps = overlaps.Where(o => o.First.CouncilCode == councilCode || o.Second.CouncilCode == councilCode).ToList();
            overdue = overdue.Where(o => o.Item.CouncilCode == councilCode).ToList();
        }
        return new ForwardAgendaView(asOf, councils, meetings, items, overlaps, overdue);
    }

    /// <summary>Every follow-up action the reader may see with its decision, item and the next planned meeting of its council on or after <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<OverdueAction>> ActionsAsync(DateOnly asOf, string? councilCode = null, CancellationToken ct = default)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned && m.Date >= asOf).OrderBy(m => m.Date).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var items = await db.AgendaItems.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var result = new List<OverdueAction>();
        foreach (var a in (await db.FollowUpActions.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Deadline).ThenBy(a => a.Code, NaturalComparer.Instance))
        {
            // An action whose decision or item the reader may not see is not shown: its context would be missing.
            if (!decisions.TryGetValue(a.DecisionCode, out var d) || !items.TryGetValue(d.AgendaItemCode, out var item)) continue;
            if (councilCode is not null && item.CouncilCode != councilCode) continue;
            result.Add(new OverdueAction(a, d, item, meetings.FirstOrDefault(m => m.CouncilCode == item.CouncilCode)));
        }
        return result;
    }

    /// <summary>Which goals of the strategy were discussed (directly or through their scenarios and measures) in [from, to].</summary>
    public async Task<CoverageReport> CoverageAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var allGoals = (await db.Goals.AsNoTracking().ToListAsync(ct)).OrderBy(g => g.Edition).ThenBy(g => g.Number).ThenBy(g => g.Code, NaturalComparer.Instance).ToList();
        // A goal's links to records the reader may not see read "withheld" (QualifiedCodes.MaskAsync).
        var links = await QualifiedCodes.MaskAsync(db, allGoals.SelectMany(g => g.Scenarios.Select(c => new RecordLink("scenario", c)).Concat(g.Measures.Select(c => new RecordLink("measure", c)))), ct);
        var goals = allGoals
            .Select(g => new CoverageGoal("goal:" + g.Code, g.Title, g.Pillar.ToString(),
                g.Scenarios.Select(c => links(new RecordLink("scenario", c)).ToString()).Distinct().ToList(), g.Measures.Select(c => links(new RecordLink("measure", c)).ToString()).Distinct().ToList()))
            .ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Cancelled).ToDictionaryAsync(m => m.Code, ct);
        var held = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingCode != null).ToListAsync(ct);
        await MaskLinksAsync(held, ct);
        var discussed = held
            .Where(i => meetings.ContainsKey(i.MeetingCode!))
            .Select(i => new PlannedItem(i, meetings[i.MeetingCode!]).ToEntry()).ToList();
        return StrategyCoverage.Of(goals, discussed, from, to);
    }

    /// <summary>
    /// An item's links as the reader may see them: a link to a record above them (raised after it was linked) reads
    /// "withheld", so neither the agenda, its overlap warnings nor the coverage names its code. The items are untracked copies.
    /// </summary>
    private async Task MaskLinksAsync(IReadOnlyList<AgendaItem> items, CancellationToken ct)
    {
        var mask = await QualifiedCodes.MaskAsync(db, items.SelectMany(i => i.Links), ct);
        foreach (var item in items) item.Links = item.Links.Select(mask).Distinct().ToList();
    }
}
