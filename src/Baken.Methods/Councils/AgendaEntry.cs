using Baken.Methods.Strategy;

namespace Baken.Methods.Councils;

/// <summary>An item on the forward agenda of one council, with the analysis records it concerns.</summary>
/// <param name="ItemCode">Agenda item code (non-blank, ordinal; unique within one call).</param>
/// <param name="Title">Item title, Dutch or English (may be empty, not null).</param>
/// <param name="CouncilCode">The council (RVI, MCEV, RDIA, NVR, …); non-blank.</param>
/// <param name="MeetingCode">The meeting it is planned for, or null when not yet planned; blank is rejected.</param>
/// <param name="MeetingDate">Date of that meeting, or null when not yet planned.</param>
/// <param name="LinkedCodes">Codes of risks, scenarios, goals, measures, analysis runs, findings and dependencies it concerns; blank entries rejected, repeats dropped.</param>
public sealed record AgendaEntry(string ItemCode, string Title, string CouncilCode, string? MeetingCode, DateOnly? MeetingDate, IReadOnlyList<string> LinkedCodes)
{
    public string ItemCode { get; } = StrategyGuard.Code(ItemCode, "AgendaEntry.ItemCode", nameof(ItemCode));

    public string Title { get; } = StrategyGuard.Title(Title, $"AgendaEntry.Title of '{ItemCode}'", nameof(Title));

    public string CouncilCode { get; } = StrategyGuard.Code(CouncilCode, $"AgendaEntry.CouncilCode of '{ItemCode}'", nameof(CouncilCode));

    public string? MeetingCode { get; } = StrategyGuard.OptionalCode(MeetingCode, $"AgendaEntry.MeetingCode of '{ItemCode}'", nameof(MeetingCode));

    public DateOnly? MeetingDate { get; } = MeetingDate;

    public IReadOnlyList<string> LinkedCodes { get; } = StrategyGuard.Codes(LinkedCodes, $"AgendaEntry.LinkedCodes of '{ItemCode}'", nameof(LinkedCodes));
}
