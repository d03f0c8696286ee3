using System.Globalization;
using System.Net;
using System.Text;
using GraphShape.Algorithms.Layout;
using QuikGraph;

namespace Baken.Infrastructure.Reports.Cascades;

/// <summary>A process in the drawing: code, name, category and, after a simulation, when it failed (null: it held).</summary>
public sealed record NetworkNode(string Code, string Name, string Category, double? FailedAtHours, double PeakInoperability);

public sealed record NetworkEdge(string From, string To, double Strength, bool Indicative);

/// <summary>
/// The dependency network of the vital processes drawn as SVG: positions from a force-directed layout (GraphShape's
/// Kamada–Kawai algorithm, seeded so the drawing is the same every time), arrows from supplier to dependant, node
/// colour by how badly a simulated disruption hit the process. Every node links to its process and has a tooltip.
/// </summary>
public static class NetworkDiagram
{
    /// <param name="label">The drawing's accessible name, in the page's language.</param>
    /// <param name="describe">A node's tooltip and link name, in the page's language; by default an English description.</param>
    public static string ToSvg(IReadOnlyList<NetworkNode> nodes, IReadOnlyList<NetworkEdge> edges, Func<string, string> link, string label,
        Func<NetworkNode, string>? describe = null, int width = 900, int height = 640)
    {
        describe ??= n => $"{n.Code} {n.Name} (category {n.Category})"
            + (n.FailedAtHours is { } f ? string.Create(CultureInfo.InvariantCulture, $": fails after {f:0.#} h")
                : n.PeakInoperability > 0 ? string.Create(CultureInfo.InvariantCulture, $": peak inoperability {n.PeakInoperability:P0}") : "");
        var graph = new BidirectionalGraph<string, Edge<string>>();
        foreach (var n in nodes) graph.AddVertex(n.Code);
        foreach (var e in edges.Where(e => graph.ContainsVertex(e.From) && graph.ContainsVertex(e.To) && e.From != e.To))
            graph.AddEdge(new Edge<string>(e.From, e.To));
        var layout = new KKLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(graph, new KKLayoutParameters { Width = width - 80, Height = height - 80, MaxIterations = 400 })
        {
            Rand = new Random(7),
        };
        layout.Compute();
        var positions = layout.VerticesPositions;
        var (minX, maxX) = (positions.Values.Min(p => p.X), positions.Values.Max(p => p.X));
        var (minY, maxY) = (positions.Values.Min(p => p.Y), positions.Values.Max(p => p.Y));
        (double X, double Y) At(string code)
        {
            var p = positions[code];
            return (40 + (maxX > minX ? (p.X - minX) / (maxX - minX) : 0.5) * (width - 80), 40 + (maxY > minY ? (p.Y - minY) / (maxY - minY) : 0.5) * (height - 80));
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"group\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"18\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#8a94a6\"/></marker></defs>");
        foreach (var e in graph.Edges)
        {
            var (x1, y1) = At(e.Source);
            var (x2, y2) = At(e.Target);
            var data = edges.First(x => x.From == e.Source && x.To == e.Target);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"#8a94a6\" stroke-opacity=\"{0.25 + 0.6 * data.Strength:0.##}\" stroke-width=\"{0.6 + 2 * data.Strength:0.##}\"{(data.Indicative ? " stroke-dasharray=\"4 3\"" : "")} marker-end=\"url(#arrow)\"/>");
        }
        foreach (var n in nodes)
        {
            var (x, y) = At(n.Code);
            var fill = n.FailedAtHours is not null ? "#c0392b" : n.PeakInoperability > 0 ? "#e8a33d" : n.Category == "A" ? "#1f4e79" : "#5b8db8";
            var tip = WebUtility.HtmlEncode(describe(n));
            svg.Append(CultureInfo.InvariantCulture,
                $"<a href=\"{WebUtility.HtmlEncode(link(n.Code))}\" aria-label=\"{tip}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"11\" fill=\"{fill}\" stroke=\"#fff\" stroke-width=\"1.5\"><title>{tip}</title></circle>"
                + $"<text x=\"{x:0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"middle\" font-size=\"10\" font-family=\"sans-serif\" fill=\"#fff\">{WebUtility.HtmlEncode(n.Code)}</text></a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
