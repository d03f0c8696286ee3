using Baken.Methods.Councils;
using Baken.Methods.Strategy;

namespace Baken.Methods.Tests.Councils;

public sealed class FollowUpCarryOverTests
{
    private static readonly DateOnly Meeting = new(2026, 12, 10);

    private static FollowUpInfo Action(string code, int daysBeforeMeeting, bool done = false, string? council = "RVI") =>
        new(code, $"Action {code}", "AZ", Meeting.AddDays(-daysBeforeMeeting), done, council);

    [Fact]
    public void ForNextMeeting_OpenActionsOfTheCouncilDueBeforeTheMeeting_OrderedByDeadlineThenCode()
    {
        var actions = new[]
        {
            Action("late-b", 30),
            Action("late-a", 30),
            Action("earliest", 90),
            Action("day-before", 1),
            Action("on-the-day", 0),
            Action("after", -5),
            Action("done", 40, done: true),
            Action("other-council", 40, council: "MCEV"),
            Action("lower-case", 40, council: "rvi"),
            Action("no-council", 40, council: null),
        };

        FollowUpCarryOver.ForNextMeeting("RVI", Meeting, actions).Select(a => a.Code)
            .ShouldBe(["earliest", "late-a", "late-b", "day-before"]);
    }

    [Fact]
    public void ForNextMeeting_InvalidInput_ThrowsNamingTheField()
    {
        Should.Throw<ArgumentException>(() => FollowUpCarryOver.ForNextMeeting(" ", Meeting, [])).ParamName.ShouldBe("councilCode");
        Should.Throw<ArgumentNullException>(() => FollowUpCarryOver.ForNextMeeting("RVI", Meeting, null!)).ParamName.ShouldBe("actions");
        Should.Throw<ArgumentException>(() => FollowUpCarryOver.ForNextMeeting("RVI", Meeting, [Action("a", 1), Action("a", 2)])).ParamName.ShouldBe("actions");
    }
}
