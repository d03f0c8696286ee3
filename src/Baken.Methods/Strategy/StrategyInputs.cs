namespace Baken.Methods.Strategy;

/// <summary>A scenario with its place in the latest integrated analysis.</summary>
/// <param name="Code">Scenario code (non-blank, ordinal).</param>
/// <param name="Title">Display title (may be empty, not null).</param>
/// <param name="Rank">1 = most serious; ≥ 1. Ties are allowed (two scenarios may share a rank).</param>
public sealed record RankedScenario(string Code, string Title, int Rank)
{
    public string Code { get; } = StrategyGuard.Code(Code, "RankedScenario.Code", nameof(Code));

    public string Title { get; } = StrategyGuard.Title(Title, $"RankedScenario.Title of '{Code}'", nameof(Title));

    public int Rank { get; } = Rank >= 1
        ? Rank
        : throw new ArgumentOutOfRangeException(nameof(Rank), Rank, $"RankedScenario.Rank of '{Code}' = {Rank}: ranks start at 1 (most serious).");
}

/// <summary>A strategy goal (GBVS: one of 13 under three pillars) with the scenarios it addresses and the measures that implement it.</summary>
/// <param name="Code">Goal code (non-blank, ordinal).</param>
/// <param name="Title">Display title (may be empty, not null).</param>
/// <param name="Owner">Owning ministry or person; null, empty or white space mean "no owner" and are stored as null.</param>
/// <param name="ScenarioCodes">Scenarios the goal addresses; blank entries are rejected, repeats dropped.</param>
/// <param name="MeasureCodes">Measures that implement the goal; blank entries are rejected, repeats dropped.</param>
public sealed record GoalInfo(string Code, string Title, string? Owner, IReadOnlyList<string> ScenarioCodes, IReadOnlyList<string> MeasureCodes)
{
    public string Code { get; } = StrategyGuard.Code(Code, "GoalInfo.Code", nameof(Code));

    public string Title { get; } = StrategyGuard.Title(Title, $"GoalInfo.Title of '{Code}'", nameof(Title));

    public string? Owner { get; } = StrategyGuard.Owner(Owner);

    public IReadOnlyList<string> ScenarioCodes { get; } = StrategyGuard.Codes(ScenarioCodes, $"GoalInfo.ScenarioCodes of '{Code}'", nameof(ScenarioCodes));

    public IReadOnlyList<string> MeasureCodes { get; } = StrategyGuard.Codes(MeasureCodes, $"GoalInfo.MeasureCodes of '{Code}'", nameof(MeasureCodes));
}

/// <summary>Where a measure stands in its implementation.</summary>
public enum MeasureProgress
{
    Proposed,
    Planned,
    InProgress,
    Implemented,

    /// <summary>Abandoned: a stopped measure addresses nothing and is never overdue.</summary>
    Stopped,
}

/// <summary>A measure as the gap analysis sees it.</summary>
/// <param name="Code">Measure code (non-blank, ordinal).</param>
/// <param name="Title">Display title (may be empty, not null).</param>
/// <param name="Owner">Owner; null, empty or white space are stored as null. (No gap kind checks measure owners yet.)</param>
/// <param name="Status">Implementation status.</param>
/// <param name="ScenarioCodes">Scenarios the measure has a modelled effect on; blank entries rejected, repeats dropped.</param>
/// <param name="Due">Planned implementation date, or null when none is planned.</param>
public sealed record MeasureInfo(string Code, string Title, string? Owner, MeasureProgress Status, IReadOnlyList<string> ScenarioCodes, DateOnly? Due)
{
    public string Code { get; } = StrategyGuard.Code(Code, "MeasureInfo.Code", nameof(Code));

    public string Title { get; } = StrategyGuard.Title(Title, $"MeasureInfo.Title of '{Code}'", nameof(Title));

    public string? Owner { get; } = StrategyGuard.Owner(Owner);

    public MeasureProgress Status { get; } = Guarded(Status, Code);

    public IReadOnlyList<string> ScenarioCodes { get; } = StrategyGuard.Codes(ScenarioCodes, $"MeasureInfo.ScenarioCodes of '{Code}'", nameof(ScenarioCodes));

    public DateOnly? Due { get; } = Due;

    /// <summary>True unless the measure was stopped: only live measures address scenarios and implement goals.</summary>
    public bool IsLive => Status != MeasureProgress.Stopped;

    private static MeasureProgress Guarded(MeasureProgress status, string code)
    {
        StrategyGuard.Enum(status, $"MeasureInfo.Status of '{code}'", nameof(Status));
        return status;
    }
}

/// <summary>Which way an indicator must move to reach its target.</summary>
public enum IndicatorDirection
{
    /// <summary>The target is reached when the value is ≥ the target.</summary>
    Increase,

    /// <summary>The target is reached when the value is ≤ the target.</summary>
    Decrease,
}

/// <summary>A progress indicator of a goal, with its target and its latest reported value.</summary>
/// <param name="Code">Indicator code (non-blank, ordinal).</param>
/// <param name="Title">Display title (may be empty, not null).</param>
/// <param name="GoalCode">The goal it measures, or null when not (yet) linked; blank is rejected.</param>
/// <param name="Baseline">Starting value in the indicator's unit; finite or null.</param>
/// <param name="Target">Value to reach by <paramref name="Deadline"/>; finite or null (null: progress cannot be judged).</param>
/// <param name="Direction">Whether the target is reached from below (Increase) or from above (Decrease).</param>
/// <param name="Deadline">Date by which the target must be reached, or null.</param>
/// <param name="LastValueDate">Date of the latest reported value; null exactly when <paramref name="LastValue"/> is null.</param>
/// <param name="LastValue">Latest reported value; finite or null.</param>
/// <param name="UpdateIntervalDays">How often owners must report, in days; ≥ 1.</param>
public sealed record IndicatorInfo(
    string Code,
    string Title,
    string? GoalCode,
    double? Baseline,
    double? Target,
    IndicatorDirection Direction,
    DateOnly? Deadline,
    DateOnly? LastValueDate,
    double? LastValue,
    int UpdateIntervalDays)
{
    public string Code { get; } = StrategyGuard.Code(Code, "IndicatorInfo.Code", nameof(Code));

    public string Title { get; } = StrategyGuard.Title(Title, $"IndicatorInfo.Title of '{Code}'", nameof(Title));

    public string? GoalCode { get; } = StrategyGuard.OptionalCode(GoalCode, $"IndicatorInfo.GoalCode of '{Code}'", nameof(GoalCode));

    public double? Baseline { get; } = StrategyGuard.OptionalFinite(Baseline, $"IndicatorInfo.Baseline of '{Code}'", nameof(Baseline));

    public double? Target { get; } = StrategyGuard.OptionalFinite(Target, $"IndicatorInfo.Target of '{Code}'", nameof(Target));

    public IndicatorDirection Direction { get; } = Guarded(Direction, Code);

    public DateOnly? Deadline { get; } = Deadline;

    public DateOnly? LastValueDate { get; } = LastValueDate.HasValue == LastValue.HasValue
        ? LastValueDate
        : throw new ArgumentException(
            $"IndicatorInfo '{Code}' has LastValueDate = {(LastValueDate is { } d ? StrategyGuard.Format(d) : "null")} and LastValue = {(LastValue is { } v ? StrategyGuard.Format(v) : "null")}: give both or neither.",
            LastValueDate.HasValue ? nameof(LastValue) : nameof(LastValueDate));

    public double? LastValue { get; } = StrategyGuard.OptionalFinite(LastValue, $"IndicatorInfo.LastValue of '{Code}'", nameof(LastValue));

    public int UpdateIntervalDays { get; } = UpdateIntervalDays >= 1
        ? UpdateIntervalDays
        : throw new ArgumentOutOfRangeException(nameof(UpdateIntervalDays), UpdateIntervalDays,
            $"IndicatorInfo.UpdateIntervalDays of '{Code}' = {UpdateIntervalDays}: owners must report at least every day, so it must be ≥ 1.");

    /// <summary>The date the next value is due (last value date + interval), or null when no value was ever reported.</summary>
    public DateOnly? NextUpdateDue => LastValueDate?.AddDays(UpdateIntervalDays);

    /// <summary>
    /// Whether the latest value meets the target in <see cref="Direction"/> (the boundary counts as reached); null when
    /// there is no target or no value, so reaching cannot be judged.
    /// </summary>
    public bool? TargetReached => (Target, LastValue) switch
    {
        ({ } target, { } value) => Direction == IndicatorDirection.Increase ? value >= target : value <= target,
        _ => null,
    };

    private static IndicatorDirection Guarded(IndicatorDirection direction, string code)
    {
        StrategyGuard.Enum(direction, $"IndicatorInfo.Direction of '{code}'", nameof(Direction));
        return direction;
    }
}

/// <summary>A follow-up action decided by a council (or assigned elsewhere when <paramref name="CouncilCode"/> is null).</summary>
/// <param name="Code">Action code (non-blank, ordinal).</param>
/// <param name="Title">Display title (may be empty, not null).</param>
/// <param name="Owner">Owner; null, empty or white space are stored as null.</param>
/// <param name="Deadline">Date by which it must be done; overdue from the day after.</param>
/// <param name="Done">Whether it was completed.</param>
/// <param name="CouncilCode">The council that decided it (RVI, MCEV, RDIA, NVR, …), or null; blank is rejected.</param>
public sealed record FollowUpInfo(string Code, string Title, string? Owner, DateOnly Deadline, bool Done, string? CouncilCode)
{
    public string Code { get; } = StrategyGuard.Code(Code, "FollowUpInfo.Code", nameof(Code));

    public string Title { get; } = StrategyGuard.Title(Title, $"FollowUpInfo.Title of '{Code}'", nameof(Title));

    public string? Owner { get; } = StrategyGuard.Owner(Owner);

    public string? CouncilCode { get; } = StrategyGuard.OptionalCode(CouncilCode, $"FollowUpInfo.CouncilCode of '{Code}'", nameof(CouncilCode));
}

/// <summary>Thresholds of the gap analysis.</summary>
/// <param name="TopScenarios">A scenario with rank ≤ this is high-ranked and must be addressed; ≥ 0 (0 switches the check off). Default 10.</param>
/// <param name="StaleAfterDays">A value older than this many days is stale whatever the update interval; ≥ 1. Default 365.</param>
/// <param name="ReminderDaysAhead">Remind owners when the next update falls due within this many days from today; ≥ 0 (0: only on the due day). Default 14.</param>
public sealed record GapSettings(int TopScenarios = 10, int StaleAfterDays = 365, int ReminderDaysAhead = 14)
{
    public int TopScenarios { get; } = TopScenarios >= 0
        ? TopScenarios
        : throw new ArgumentOutOfRangeException(nameof(TopScenarios), TopScenarios, $"GapSettings.TopScenarios = {TopScenarios}: it must be ≥ 0 (0 switches the check off).");

    public int StaleAfterDays { get; } = StaleAfterDays >= 1
        ? StaleAfterDays
        : throw new ArgumentOutOfRangeException(nameof(StaleAfterDays), StaleAfterDays, $"GapSettings.StaleAfterDays = {StaleAfterDays}: it must be ≥ 1 day.");

    public int ReminderDaysAhead { get; } = ReminderDaysAhead >= 0
        ? ReminderDaysAhead
        : throw new ArgumentOutOfRangeException(nameof(ReminderDaysAhead), ReminderDaysAhead, $"GapSettings.ReminderDaysAhead = {ReminderDaysAhead}: it must be ≥ 0 days.");
}
