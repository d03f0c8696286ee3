namespace Baken.Infrastructure.Reports.Documents;

/// <summary>
/// A chart: the same picture as SVG (inlined in HTML, crisp at any zoom) and as PNG (embedded in DOCX), with a title and
/// a description for screen readers (SVG <c>title</c>/<c>desc</c>; DOCX picture name and alt text). The SVG must come
/// from Baken's own chart code (ScottPlot), which escapes or strips user text; it is written as it is.
/// </summary>
public sealed record Figure : DocumentBlock
{
    /// <param name="Title">Short name of the chart (the accessible name); at least one visible character.</param>
    /// <param name="Description">What the chart shows, in words, for someone who cannot see it; at least one visible character.</param>
    /// <param name="Svg">The chart as an SVG document or element.</param>
    /// <param name="Png">The same chart as PNG bytes.</param>
    /// <param name="WidthPx">Width the PNG was drawn at, in pixels (&gt; 0); the DOCX fits it to the text width.</param>
    /// <param name="HeightPx">Height the PNG was drawn at, in pixels (&gt; 0).</param>
    /// <param name="Caption">Printed under the chart; null or blank for none.</param>
    public Figure(string Title, string Description, string Svg, byte[] Png, int WidthPx, int HeightPx, string? Caption = null)
    {
        this.Title = DocumentText.RequireVisible(Title, nameof(Title), "a figure needs a title");
        this.Description = DocumentText.RequireVisible(Description, nameof(Description), "a figure needs a description");
        this.Svg = Svg is not null && Svg.Contains("<svg", StringComparison.Ordinal)
            ? Svg
            : throw new ArgumentException($"Svg is {DocumentText.Quote(Svg)}; pass an SVG document (it must contain an <svg> element).", nameof(Svg));
        this.Png = Png is { Length: > 8 } && Png[0] == 0x89 && Png[1] == (byte)'P'
            ? Png
            : throw new ArgumentException("Png is not a PNG image; pass the chart's PNG bytes.", nameof(Png));
        if (WidthPx <= 0) throw new ArgumentOutOfRangeException(nameof(WidthPx), WidthPx, "WidthPx is the PNG's width in pixels; it must be above 0.");
        if (HeightPx <= 0) throw new ArgumentOutOfRangeException(nameof(HeightPx), HeightPx, "HeightPx is the PNG's height in pixels; it must be above 0.");
        this.WidthPx = WidthPx;
        this.HeightPx = HeightPx;
        this.Caption = Caption;
    }

    public string Title { get; }

    public string Description { get; }

    public string Svg { get; }

    public byte[] Png { get; }

    public int WidthPx { get; }

    public int HeightPx { get; }

    public string? Caption { get; }
}
