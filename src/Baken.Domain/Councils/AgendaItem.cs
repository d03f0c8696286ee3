namespace Baken.Domain.Councils;

/// <summary>
/// An item of the forward agenda: for a council, on a meeting once scheduled, linked to what it concerns (risks,
/// scenarios, analysis runs, goals, measures, findings, dependencies) as typed references (<see cref="RecordLink"/>).
/// </summary>
public sealed class AgendaItem : Record
{
    public string Title { get; set; } = "";
    public string CouncilCode { get; set; } = "";
    public string? MeetingCode { get; set; }
    /// <summary>Wanted date while not yet on a meeting.</summary>
    public DateOnly? PlannedFor { get; set; }
    /// <summary>What it concerns (text form "kind:code" separated by ';', e.g. "scenario:S-01;goal:GOAL-03"); one JSON column.</summary>
    public IReadOnlyList<RecordLink> Links { get; set; } = [];
    /// <summary>Code of the preparatory committee (a council of type committee).</summary>
    public string? CommitteeCode { get; set; }
    public string? Requester { get; set; }
    public DateOnly? PapersDeadline { get; set; }
    public string? Summary { get; set; }
}
