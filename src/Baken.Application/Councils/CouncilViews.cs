using Baken.Methods.Councils;
using Baken.Domain.Security;

namespace Baken.Application.Councils;

public sealed record AgendaItemView(string Code, string Title, string Council, string? Meeting, DateOnly? Date, string? MeetingLevel, string Classification, string? Links);

public sealed record OverlapView(string First, string FirstCouncil, string Second, string SecondCouncil, IReadOnlyList<string> SharedCodes, double TitleSimilarity, string Reason);

public sealed record ActionView(string Code, string Title, string? Owner, DateOnly Deadline, string Status, string Council, string Decision, string? NextMeeting, DateOnly? NextMeetingDate, bool Overdue);

public sealed record MeetingSummaryView(string Code, string Council, string Title, DateOnly Date, string SecurityLevel, string Status);

/// <summary>The forward agenda as the API and pages show it.</summary>
public sealed record ForwardAgendaResponse(DateOnly AsOf, IReadOnlyList<MeetingSummaryView> Meetings, IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<OverlapView> Overlaps, IReadOnlyList<ActionView> OverdueActions)
{
    public static ForwardAgendaResponse From(ForwardAgendaView v) => new(v.AsOf,
        v.Meetings.Select(m => new MeetingSummaryView(m.Code, m.CouncilCode, m.Title, m.Date, m.SecurityLevel.DisplayName(), m.Status.ToString())).ToList(),
        v.Items.Select(p => new AgendaItemView(p.Item.Code, p.Item.Title, p.Item.CouncilCode, p.Meeting?.Code, p.Date, p.Meeting?.SecurityLevel.DisplayName(),
            p.Item.ClassificationLevel.DisplayName(), Register.QualifiedCodes.Format(p.Item.Links))).ToList(),
        v.Overlaps.Select(o => new OverlapView(o.First.ItemCode, o.First.CouncilCode, o.Second.ItemCode, o.Second.CouncilCode, o.SharedCodes, o.TitleSimilarity, o.Reason)).ToList(),
        v.OverdueActions.Select(a => ActionViews.Of(a, v.AsOf)).ToList());
}

public static class ActionViews
{
    public static ActionView Of(OverdueAction a, DateOnly asOf) => new(a.Action.Code, a.Action.Title, a.Action.Owner, a.Action.Deadline, a.Action.Status.ToString(),
        a.Item.CouncilCode, a.Decision.Code, a.NextMeeting?.Code, a.NextMeeting?.Date,
        a.Action.Status == Domain.Councils.ActionStatus.Open && a.Action.Deadline < asOf);
}

public sealed record GoalCoverageView(string Goal, string Title, string Pillar, bool Discussed, IReadOnlyList<string> Items);

public sealed record CoverageResponse(DateOnly From, DateOnly To, IReadOnlyList<GoalCoverageView> Goals, IReadOnlyList<PillarCoverage> Pillars)
{
    public static CoverageResponse Of(CoverageReport r) => new(r.From, r.To,
        r.Goals.Select(g => new GoalCoverageView(g.Goal.Code.StartsWith("goal:", StringComparison.Ordinal) ? g.Goal.Code[5..] : g.Goal.Code, g.Goal.Title, g.Goal.Pillar,
            g.Discussed, g.Items.Select(i => i.ItemCode).ToList())).ToList(), r.Pillars);
}
