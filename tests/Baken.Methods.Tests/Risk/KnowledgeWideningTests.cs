using Baken.Methods.Risk;

namespace Baken.Methods.Tests.Risk;

/// <summary>The widening of judgements where knowledge is weak: wider on both sides within A–E, the point class kept.</summary>
public sealed class KnowledgeWideningTests
{
    [Theory]
    [InlineData("C", 1, "B-D~C")]
    [InlineData("A", 1, "A-B~A")]
    [InlineData("E", 2, "C-E~E")]
    [InlineData("B-D~C", 1, "A-E~C")]
    [InlineData("B-D", 1, "A-E~C")] // a range without a mode keeps its point class (the midpoint rounded up) as the mode
    [InlineData("D-E", 1, "C-E~E")]
    [InlineData("X", 1, "X")] // no impact is a statement, not a class to widen
    [InlineData("X-B", 1, "X-C~A")]
    [InlineData("C", 0, "C")]
    public void Widen_AddsClassesOnEachSide_WithinAToE_KeepingThePointClass(string stated, int steps, string widened)
    {
        var judgement = ClassJudgement.Parse(stated);
        var result = KnowledgeWidening.Widen(judgement, steps);
        result.ToString().ShouldBe(widened);
        result.PointClass.ShouldBe(judgement.PointClass);
    }

    [Fact]
    public void WidenText_LeavesWhatIsNotAClassAsItIs()
    {
        KnowledgeWidening.WidenText("2%", 1).ShouldBe("2%");
        KnowledgeWidening.WidenText("350 deaths", 1).ShouldBe("350 deaths");
        KnowledgeWidening.WidenText("", 1).ShouldBe("");
        KnowledgeWidening.WidenText("c", 1).ShouldBe("B-D~C");
    }

    [Fact]
    public void Widen_RefusesAStepCountOutsideItsRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => KnowledgeWidening.Widen(ClassJudgement.Of(ImpactClass.C), 5)).ParamName.ShouldBe("steps");
        Should.Throw<ArgumentOutOfRangeException>(() => KnowledgeWidening.Widen(ClassJudgement.Of(ImpactClass.C), -1));
    }

    [Fact]
    public void IsWeak_WhenAnyStatedScoreIsAtMostTheThreshold_AndNotWhenNoneIsStated()
    {
        KnowledgeWidening.IsWeak(1, 3, 1, 4).ShouldBeTrue();
        KnowledgeWidening.IsWeak(1, 2, 2, 2).ShouldBeFalse();
        KnowledgeWidening.IsWeak(1, null, null, null).ShouldBeFalse();
        KnowledgeWidening.IsWeak(0, 0, null, null).ShouldBeTrue();
    }

    [Fact]
    public void Widening_KeepsEveryStatedClassPossible_AndAddsAtLeastOne()
    {
        foreach (var text in new[] { "A", "B", "C", "D", "E", "A-C", "B-D~B", "C-E~D" })
        {
            var stated = ClassJudgement.Parse(text).ClassProbabilities();
            var widened = KnowledgeWidening.Widen(ClassJudgement.Parse(text), 1).ClassProbabilities();
            for (var k = 0; k < stated.Length; k++)
                if (stated[k] > 0) widened[k].ShouldBeGreaterThan(0, $"{text}: class index {k}");
            widened.Count(p => p > 0).ShouldBeGreaterThan(stated.Count(p => p > 0), text);
        }
    }
}
