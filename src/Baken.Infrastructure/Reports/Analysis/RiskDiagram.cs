using Baken.Methods.Risk;
using ScottPlot;

namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>Axis titles of the risk diagram in the report's language.</summary>
public sealed record RiskDiagramText(string LikelihoodAxis, string ImpactAxis)
{
    public static RiskDiagramText For(string language) => language == "en"
        ? new("Likelihood class", "Impact band (1 + log{0} I)")
        : new("Waarschijnlijkheidsklasse", "Impactklasse (1 + log{0} I)");
}

/// <summary>
/// The risk diagram of METHODS §1.6, drawn with ScottPlot 5: likelihood class on x (A–E), impact on y, one mark per
/// scenario, its theme shown by colour AND marker shape (readable in grey print and for colour-blind readers), every
/// mark labelled with its scenario code, and the Monte Carlo 90 % interval as whiskers (y: p05–p95 of I(s); x: p05–p95
/// of the drawn likelihood class).
/// The y position is 1 + log_f I(s), so the band reads off the grid: with floor rounding band A spans [1, 2), B [2, 3)
/// and so on (with round rounding the bands are centred on the integers). Scenarios in the same likelihood class are
/// spread sideways by a fixed offset per rank, so marks do not hide each other; labels are placed by
/// <see cref="LabelPlacement"/> so that no two overlap, with a thin leader line when a label had to move away.
/// </summary>
public static class RiskDiagram
{
    private const float LabelFontSize = 11;

    /// <summary>
    /// A sans-serif face that is installed (the SVG names it, so the browser draws the same face): ScottPlot's own
    /// default can resolve to a serif on Linux, which reads poorly at label size.
    /// </summary>
    private static readonly string SansFont = new[] { "Segoe UI", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }
        .FirstOrDefault(SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains) ?? Fonts.Sans;

    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond, MarkerShape.OpenTriangleDown,
    ];

    /// <summary>The diagram as an SVG document (no external resources).</summary>
    public static string ToSvg(AnalysisResult result, IReadOnlyDictionary<string, string>? themeNames = null, int width = 900, int height = 620, RiskDiagramText? text = null)
        => ChartSvg.Of(Build(result, themeNames, [], width, height, text, out _), width, height);

    /// <summary>
    /// The diagram for the workbench: every mark also gets an invisible hit area with a tooltip (title, classes, impact
    /// and its interval) that links to the scenario, so a user can hover for details and click through, by mouse or keyboard.
    /// </summary>
    public static string ToInteractiveSvg(AnalysisResult result, IReadOnlyDictionary<string, string>? themeNames, int width, int height, Func<string, string> scenarioLink, RiskDiagramText? text = null)
    {
        var marks = new List<(ScenarioResult Scenario, double X, double Y)>();
        var plot = Build(result, themeNames, marks, width, height, text, out _);
        var svg = ChartSvg.Of(plot, width, height);
        var overlay = new System.Text.StringBuilder();
        foreach (var (s, x, y) in marks)
        {
            var pixel = plot.GetPixel(new Coordinates(x, y));
            var tip = $"{s.Rank}. {s.Title} — likelihood {s.Likelihood}, impact {s.ImpactBand} (I = {s.ImpactValue.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})"
                      + (s.MonteCarlo is { } mc ? $", 90% interval {mc.P05.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}–{mc.P95.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}" : "");
            overlay.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<a href=\"{System.Net.WebUtility.HtmlEncode(scenarioLink(s.Id))}\" aria-label=\"{System.Net.WebUtility.HtmlEncode(tip)}\"><circle class=\"hit\" cx=\"{pixel.X:0.#}\" cy=\"{pixel.Y:0.#}\" r=\"9\" fill=\"transparent\" stroke=\"none\"><title>{System.Net.WebUtility.HtmlEncode(tip)}</title></circle></a>");
        }
        var end = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        return end < 0 ? svg : svg[..end] + overlay + svg[end..];
    }

    /// <summary>The diagram as PNG bytes (for DOCX reports and the web workbench).</summary>
    public static byte[] ToPng(AnalysisResult result, IReadOnlyDictionary<string, string>? themeNames = null, int width = 900, int height = 620, RiskDiagramText? text = null) =>
        Build(result, themeNames, [], width, height, text, out _).GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>The label boxes in pixels, one per scenario in result order (for tests of the placement on a real diagram).</summary>
    public static IReadOnlyList<LabelBox> LabelBoxes(AnalysisResult result, int width = 900, int height = 620)
    {
        Build(result, null, [], width, height, null, out var boxes);
        return boxes;
    }

    private static Plot Build(AnalysisResult result, IReadOnlyDictionary<string, string>? themeNames, List<(ScenarioResult Scenario, double X, double Y)> marks,
        int width, int height, RiskDiagramText? text, out IReadOnlyList<LabelBox> labelBoxes)
    {
        ArgumentNullException.ThrowIfNull(result);
        text ??= RiskDiagramText.For("en");
        var factor = result.Settings.Factor;
        var floor = result.Settings.BandRounding == BandRounding.Floor;
        double Y(double impact) => impact <= 0 ? 0.6 : Math.Clamp(1 + Math.Log(impact) / Math.Log(factor), 0.6, 6.4);

        var plot = new Plot();
        plot.Font.Set(SansFont);
        var palette = new ScottPlot.Palettes.Category10();
        var themes = result.Scenarios.Select(s => s.Theme).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var perClass = new Dictionary<ImpactClass, int>();
        var slot = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in result.Scenarios.OrderBy(s => s.Rank))
        {
            var k = perClass.GetValueOrDefault(s.Likelihood);
            perClass[s.Likelihood] = k + 1;
            slot[s.Id] = k;
        }

        var all = new List<(ScenarioResult Scenario, double X, double Y, Color Color)>();
        for (var t = 0; t < themes.Count; t++)
        {
            var members = result.Scenarios.Where(s => s.Theme == themes[t]).ToList();
            var color = palette.GetColor(t);
            var xs = members.Select(s => (double)(int)s.Likelihood + Offset(slot[s.Id], perClass[s.Likelihood])).ToArray();
            var ys = members.Select(s => Y(s.ImpactValue)).ToArray();
            if (members.All(s => s.MonteCarlo is not null))
            {
                var bars = new ScottPlot.Plottables.ErrorBar(
                    xs, ys,
                    members.Select((s, i) => Math.Max(0, xs[i] - ((int)s.MonteCarlo!.LikelihoodP05 + Offset(slot[s.Id], perClass[s.Likelihood])))).ToArray(),
                    members.Select((s, i) => Math.Max(0, (int)s.MonteCarlo!.LikelihoodP95 + Offset(slot[s.Id], perClass[s.Likelihood]) - xs[i])).ToArray(),
                    members.Select((s, i) => Math.Max(0, ys[i] - Y(s.MonteCarlo!.P05))).ToArray(),
                    members.Select((s, i) => Math.Max(0, Y(s.MonteCarlo!.P95) - ys[i])).ToArray())
                {
                    Color = color.WithAlpha(0.6),
                    LineWidth = 1.2f,
                    CapSize = 4,
                };
                plot.Add.Plottable(bars);
            }
            var markers = plot.Add.Markers(xs, ys, Shapes[t % Shapes.Length], 9, color);
            markers.LegendText = LegendSafe(themeNames?.GetValueOrDefault(themes[t]) ?? themes[t]);
            for (var i = 0; i < members.Count; i++)
            {
                marks.Add((members[i], xs[i], ys[i]));
                all.Add((members[i], xs[i], ys[i], color));
            }
        }

        var classes = new[] { "A", "B", "C", "D", "E" };
        plot.Axes.Bottom.SetTicks([1, 2, 3, 4, 5], classes);
        var bandCentres = floor ? new[] { 1.5, 2.5, 3.5, 4.5, 5.5 } : new[] { 1.0, 2, 3, 4, 5 };
        plot.Axes.Left.SetTicks(bandCentres, classes);
        for (var k = 1; k <= 6; k++)
        {
            var boundary = floor ? k : k - 0.5;
            plot.Add.HorizontalLine(boundary, 1, Colors.Gray.WithAlpha(0.4), LinePattern.Dotted);
        }
        for (var k = 1; k <= 4; k++) plot.Add.VerticalLine(k + 0.5, 1, Colors.Gray.WithAlpha(0.4), LinePattern.Dotted);
        plot.HideGrid();
        plot.Axes.SetLimits(0.5, 5.5, floor ? 0.5 : 0.4, floor ? 6.5 : 5.6);
        plot.XLabel(LegendSafe(text.LikelihoodAxis));
        plot.YLabel(LegendSafe(string.Format(System.Globalization.CultureInfo.InvariantCulture, text.ImpactAxis, factor.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        // The legend goes under the plot, wrapped over the width, so the marks and their labels get the whole width.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        labelBoxes = AddLabels(plot, all, width, height);
        return plot;
    }

    /// <summary>
    /// Lays the plot out once at its final size to learn where each mark lands in pixels, places the labels (most
    /// important scenario first, so it keeps the place next to its mark) and adds them, with leader lines for moved ones.
    /// </summary>
    private static IReadOnlyList<LabelBox> AddLabels(Plot plot, List<(ScenarioResult Scenario, double X, double Y, Color Color)> marks, int width, int height)
    {
        plot.GetImage(width, height);
        var data = plot.RenderManager.LastRender.DataRect;
        var area = new LabelBox(data.Left, data.Top, data.Width, data.Height);
        var order = marks.Select((m, i) => (m, i)).OrderBy(x => x.m.Scenario.Rank).ToList();
        var requests = order.Select(x =>
        {
            var p = plot.GetPixel(new Coordinates(x.m.X, x.m.Y));
            var label = LegendSafe(x.m.Scenario.Id);
            return new LabelRequest(p.X, p.Y, LabelWidth(label), LabelFontSize + 5, 5.5);
        }).ToList();
        var placed = LabelPlacement.Place(requests, area);
        var boxes = new LabelBox[marks.Count];
        for (var j = 0; j < order.Count; j++)
        {
            var (m, i) = order[j];
            var box = placed[j].Box;
            boxes[i] = box;
            var centre = plot.GetCoordinates(new Pixel((float)box.CentreX, (float)box.CentreY));
            if (placed[j].Moved)
            {
                var leader = plot.Add.Line(m.X, m.Y, centre.X, centre.Y);
                leader.LineColor = m.Color.WithAlpha(0.7);
                leader.LineWidth = 0.8f;
            }
            var label = plot.Add.Text(LegendSafe(m.Scenario.Id), centre.X, centre.Y);
            label.LabelFontSize = LabelFontSize;
            label.LabelFontName = SansFont;
            label.LabelFontColor = Colors.Black;
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            label.LabelBorderColor = m.Color;
            label.LabelBorderWidth = 0.8f;
        }
        return boxes;
    }

    /// <summary>A generous width for a label in the sans-serif font at 11 px (wide capitals and digits), plus padding.</summary>
    public static double LabelWidth(string label) => label.Length * 7.4 + 8;

    private static double Offset(double slot, int count) =>
        count <= 1 ? 0 : -0.3 + 0.6 * slot / (count - 1);

    /// <summary>Theme names are user text: keep them to printable characters without markup so the SVG cannot carry it.</summary>
    private static string LegendSafe(string text) =>
        new string(text.Where(c => !char.IsControl(c) && c is not '<' and not '>' and not '&' and not '"').ToArray());
}
