using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Application.Workflow;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Dashboard;

/// <summary>
/// The start page's picture for its reader: how many records of each kind they may see, the latest analysis run (recomputed
/// from its stored inputs), and what asks for follow-up today.
/// </summary>
/// <param name="Counts">Every record kind with the number of its records the reader sees, in <see cref="RecordKinds.All"/> order.</param>
/// <param name="Latest">The newest run the reader sees, or null when there is none.</param>
/// <param name="InboxOverdue">Items of the reader's inbox past their deadline.</param>
/// <param name="OverdueActions">Open council follow-up actions past their deadline.</param>
/// <param name="UpcomingMeetings">Council meetings from today to 60 days ahead.</param>
/// <param name="Gaps">Problems the strategy's gap analysis finds today.</param>
public sealed record DashboardView(IReadOnlyList<(RecordKind Kind, int Count)> Counts, ReproducedRun? Latest, int InboxOverdue, int OverdueActions,
    int UpcomingMeetings, int Gaps, int OpenAlerts, int NewSignals)
{
    public int Scenarios => Counts.Single(c => c.Kind == RecordKinds.Scenario).Count;
}

/// <summary>
/// Loads the <see cref="DashboardView"/>. Every count comes through the same clearance, compartment and blind-round filters
/// as every list, so a count never reveals a hidden record.
/// </summary>
public sealed class LoadDashboard(IBakenDb db, ListRecords list, ReproduceAnalysisRun reproduce, ForwardAgenda agenda, LoadStrategy strategy,
    Inbox inbox, TimeProvider clock)
{
    public async Task<DashboardView> HandleAsync(CancellationToken ct = default)
    {
        var counts = new List<(RecordKind, int)>();
        foreach (var kind in RecordKinds.All) counts.Add((kind, await kind.Query(db).CountAsync(ct)));
        ReproducedRun? latest = null;
        var runs = (await list.HandleAsync(new ListRecordsRequest("analysis-run", PageSize: 1, Descending: true), ct)).Value;
        if (runs?.Items.FirstOrDefault() is { } run) latest = (await reproduce.HandleAsync(run.Code, ct: ct)).Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var forward = await agenda.HandleAsync(today, ct: ct);
        var gaps = StrategyGaps.Find(await strategy.HandleAsync(ct: ct), today).ProblemCount;
        var openAlerts = await db.Alerts.CountAsync(a => a.Status == AlertStatus.Open, ct);
        var inboxOverdue = (await inbox.HandleAsync(ct)).Count(i => i.Overdue);
        var newSignals = await db.Signals.CountAsync(s => s.Status == SignalStatus.New, ct);
        return new DashboardView(counts, latest, inboxOverdue, forward.OverdueActions.Count,
            forward.Meetings.Count(m => m.Date >= today && m.Date <= today.AddDays(60)), gaps, openAlerts, newSignals);
    }
}
