using Baken.Application.Strategy;
using ScottPlot;

namespace Baken.Infrastructure.Reports.Measures;

/// <summary>
/// Current and residual risk per scenario with a set of measures in force: a point at the current position (annual
/// probability against impact score, both on log scales, as decades) and an arrow to the residual position.
/// </summary>
public static class ResidualRiskDiagram
{
    public static string ToSvg(IReadOnlyList<ResidualView> scenarios, string probabilityLabel, string impactLabel, int width = 720, int height = 420)
    {
        var plot = new Plot();
        static double Log(double v) => Math.Log10(Math.Max(v, 1e-9));
        foreach (var s in scenarios.Where(s => s.CurrentAnnualProbability > 0 && s.CurrentImpactScore > 0))
        {
            var from = new Coordinates(Log(s.CurrentAnnualProbability), Log(s.CurrentImpactScore));
            var to = new Coordinates(Log(s.ResidualAnnualProbability), Log(s.ResidualImpactScore));
            plot.Add.Marker(from, MarkerShape.FilledCircle, 9, Colors.SteelBlue);
            if (from.Distance(to) > 1e-6)
            {
                var arrow = plot.Add.Arrow(from, to);
                arrow.ArrowFillColor = Colors.OrangeRed;
                arrow.ArrowLineColor = Colors.OrangeRed;
            }
            var label = plot.Add.Text(s.Scenario, from.X, from.Y);
            label.LabelFontSize = 11;
            label.OffsetX = 6;
            label.OffsetY = -6;
        }
        plot.XLabel(probabilityLabel);
        plot.YLabel(impactLabel);
        // The axes hold log10 values; the ticks show the values themselves.
        static string Label(double v) => Math.Pow(10, v).ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Label };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Label };
        plot.Axes.Margins(0.25, 0.15);
        return ChartSvg.Of(plot, width, height);
    }
}
