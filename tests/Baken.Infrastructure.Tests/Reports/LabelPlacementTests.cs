using Baken.Methods.Risk;
using Baken.Infrastructure.Reports;
using Baken.Infrastructure.Reports.Analysis;
using FsCheck;
using FsCheck.Fluent;

namespace Baken.Infrastructure.Tests.Reports;

/// <summary>Labels on the risk diagram: every mark gets one, and no two label boxes overlap.</summary>
public sealed class LabelPlacementTests
{
    private static void NoTwoOverlap(IReadOnlyList<LabelBox> boxes)
    {
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
                boxes[i].Overlaps(boxes[j]).ShouldBeFalse($"labels {i} {boxes[i]} and {j} {boxes[j]} overlap");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(2026)]
    public void RiskDiagram_FiftyScenarios_EveryMarkLabelled_NoLabelBoxesOverlap(int seed)
    {
        var input = SyntheticAssessments.Generate(50, 10, 3, seed);
        var result = IntegratedAnalysis.Run(input, new AnalysisSettings(BuiltInProfiles.Create(input.Criteria)[0]) { Iterations = 0 });

        var boxes = RiskDiagram.LabelBoxes(result, 860, 620);

        boxes.Count.ShouldBe(50);
        boxes.ShouldAllBe(b => b.Width > 0 && b.Height > 0);
        NoTwoOverlap(boxes);
        var svg = RiskDiagram.ToSvg(result, null, 860, 620);
        foreach (var s in result.Scenarios) System.Text.RegularExpressions.Regex.IsMatch(svg, ">\\s*" + s.Id + "\\s*<").ShouldBeTrue($"no label {s.Id}");
    }

    [Fact]
    public void Place_AnyMarksInTheArea_NoTwoLabelsOverlap_NoLabelCoversAMark_AllInsideTheArea()
    {
        var area = new LabelBox(0, 0, 700, 500);
        var marks = (from x in Gen.Choose(0, 699) from y in Gen.Choose(0, 499) select new LabelRequest(x, y, 60, 16)).ListOf();
        Prop.ForAll(marks.Where(l => l.Count <= 50).ToArbitrary(), requests =>
        {
            var placed = LabelPlacement.Place(requests, area).Select(p => p.Box).ToList();
            NoTwoOverlap(placed);
            placed.Count.ShouldBe(requests.Count);
            foreach (var box in placed)
            {
                (box.Left >= area.Left && box.Right <= area.Right && box.Top >= area.Top && box.Bottom <= area.Bottom).ShouldBeTrue($"{box} outside {area}");
                foreach (var r in requests)
                    box.Overlaps(new LabelBox(r.X - r.MarkRadius, r.Y - r.MarkRadius, 2 * r.MarkRadius, 2 * r.MarkRadius)).ShouldBeFalse($"{box} covers the mark at {r.X},{r.Y}");
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Place_SameRequests_SameBoxes() =>
        LabelPlacement.Place([new(10, 10, 40, 14), new(12, 12, 40, 14), new(300, 200, 40, 14)], new LabelBox(0, 0, 400, 300))
            .ShouldBe(LabelPlacement.Place([new(10, 10, 40, 14), new(12, 12, 40, 14), new(300, 200, 40, 14)], new LabelBox(0, 0, 400, 300)));

    [Fact]
    public void Place_FreeSpaceBesideTheMark_LabelSitsNextToIt()
    {
        var placed = LabelPlacement.Place([new LabelRequest(100, 100, 40, 14, 5)], new LabelBox(0, 0, 400, 300)).Single();

        placed.Moved.ShouldBeFalse();
        placed.Box.Left.ShouldBe(107, 1e-9); // right of the mark: radius 5 + gap 2
    }
}
