using ScottPlot;

namespace Baken.Infrastructure.Reports;

internal static class ChartSvg
{
    /// <summary>A plot as an inline SVG element (without the XML declaration, so it can sit inside an HTML page).</summary>
    public static string Of(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return (start > 0 ? svg[start..] : svg).Trim();
    }
}
