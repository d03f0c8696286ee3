using System.Globalization;
using ScottPlot;

namespace Baken.Infrastructure.Reports;

internal static class ChartSvg
{
    /// <summary>
    /// A plot as an inline SVG element (without the XML declaration, so it can sit inside an HTML page), with a viewBox
    /// so that it scales with its container instead of overflowing it.
    /// </summary>
    public static string Of(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = (start > 0 ? svg[start..] : svg).Trim();
        var open = svg.IndexOf('>');
        if (open > 0 && !svg[..open].Contains("viewBox", StringComparison.Ordinal))
            svg = svg[..4] + string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\"") + svg[4..];
        return svg;
    }
}
