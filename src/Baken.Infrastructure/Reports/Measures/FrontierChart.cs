using Baken.Application.Strategy;
using ScottPlot;

namespace Baken.Infrastructure.Reports.Measures;

/// <summary>The efficient frontier of a portfolio (budget against the most risk that budget can remove), with the chosen set marked.</summary>
public static class FrontierChart
{
    /// <param name="reductionDivisor">Divides the reductions for the axis (1e6 to show euros in millions).</param>
    public static string ToSvg(PortfolioView view, string costLabel, string reductionLabel, string chosenLabel, double reductionDivisor = 1, int width = 720, int height = 380)
    {
        var plot = new Plot();
        var points = view.Frontier.OrderBy(p => p.BudgetEuros).ToList();
        if (points.Count > 0)
        {
            // A step line: between two budgets the best reduction stays that of the lower budget.
            var line = plot.Add.Scatter(points.Select(p => p.BudgetEuros / 1e6).ToArray(), points.Select(p => p.RiskReduction / reductionDivisor).ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        var chosen = plot.Add.Markers(new[] { view.CostEuros / 1e6 }, new[] { view.RiskReduction / reductionDivisor }, MarkerShape.FilledDiamond, 12, Colors.OrangeRed);
        chosen.LegendText = chosenLabel;
        plot.Add.VerticalLine(view.BudgetEuros / 1e6, 1, Colors.Gray, LinePattern.Dashed);
        plot.XLabel(costLabel);
        plot.YLabel(reductionLabel);
        return ChartSvg.Of(plot, width, height);
    }
}
