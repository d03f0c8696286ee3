using Baken.Methods.Strategy;

namespace Baken.Methods.Councils;

/// <summary>Carries open follow-up actions of a council to its next meeting's agenda.</summary>
public static class FollowUpCarryOver
{
    /// <summary>
    /// The actions of <paramref name="councilCode"/> (ordinal match) that are not done and whose deadline lies before
    /// <paramref name="nextMeetingDate"/> (an action due on the meeting day itself is not carried over: it can still be
    /// done in time). Actions without a council code never match.
    /// </summary>
    /// <param name="councilCode">The council whose next meeting is being prepared; non-blank.</param>
    /// <param name="nextMeetingDate">Date of that meeting.</param>
    /// <param name="actions">Follow-up actions of any council; codes unique.</param>
    /// <returns>Ordered by deadline, then action code (ordinal).</returns>
    public static IReadOnlyList<FollowUpInfo> ForNextMeeting(string councilCode, DateOnly nextMeetingDate, IReadOnlyList<FollowUpInfo> actions)
    {
        StrategyGuard.Code(councilCode, nameof(councilCode), nameof(councilCode));
        StrategyGuard.UniqueList(actions, a => a.Code, "follow-up action", nameof(actions));
        return actions
            .Where(a => !a.Done && a.Deadline < nextMeetingDate && string.Equals(a.CouncilCode, councilCode, StringComparison.Ordinal))
            .OrderBy(a => a.Deadline).ThenBy(a => a.Code, StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();
    }
}
