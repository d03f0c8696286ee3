namespace Baken.Infrastructure.Reports;

/// <summary>A box in pixels (x to the right, y downward).</summary>
public readonly record struct LabelBox(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;
    public double CentreX => Left + Width / 2;
    public double CentreY => Top + Height / 2;

    /// <summary>True when the two boxes share any area (touching edges do not count).</summary>
    public bool Overlaps(LabelBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public LabelBox Inflate(double by) => new(Left - by, Top - by, Width + 2 * by, Height + 2 * by);
}

/// <summary>A mark to label: its centre in pixels, the size of its label, and how far the mark itself reaches (radius).</summary>
public readonly record struct LabelRequest(double X, double Y, double Width, double Height, double MarkRadius = 5);

/// <summary>Where a label went; <see cref="Moved"/> is true when it sits away from its mark, so a leader line should join them.</summary>
public readonly record struct PlacedLabel(LabelBox Box, bool Moved);

/// <summary>
/// Places one label per mark so that no two labels overlap, no label covers a mark and every label stays inside the
/// area: a greedy search in request order (put the most important marks first), trying the eight positions around the
/// mark first and then rings of growing radius, and as a last resort a scan over the whole area. Deterministic: the same
/// requests give the same boxes. A label that finds no free place at all (the area is full) is put in the first free
/// row below the area's bottom edge, so labels still never overlap; callers size the chart so that does not happen.
/// </summary>
public static class LabelPlacement
{
    private const double Gap = 2;
    private const double ScanStep = 4;

    public static IReadOnlyList<PlacedLabel> Place(IReadOnlyList<LabelRequest> requests, LabelBox area)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var marks = requests.Select(r => new LabelBox(r.X - r.MarkRadius, r.Y - r.MarkRadius, 2 * r.MarkRadius, 2 * r.MarkRadius)).ToArray();
        var placed = new List<LabelBox>(requests.Count);
        var result = new PlacedLabel[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var box = Candidates(r, area).Select(c => (LabelBox?)c).FirstOrDefault(c => Free(c!.Value, area, placed, marks))
                      ?? Scan(r, area, placed, marks)
                      ?? Overflow(r, area, placed);
            placed.Add(box);
            var near = Math.Abs(box.CentreX - r.X) <= r.Width / 2 + r.MarkRadius + 8 && Math.Abs(box.CentreY - r.Y) <= r.Height / 2 + r.MarkRadius + 8;
            result[i] = new PlacedLabel(box, !near);
        }
        return result;
    }

    /// <summary>Right, left, above, below and the diagonals, then the same on rings 1.5×, 2×, … further out.</summary>
    private static IEnumerable<LabelBox> Candidates(LabelRequest r, LabelBox area)
    {
        var d = r.MarkRadius + Gap;
        for (var ring = 0; ring < 8; ring++)
        {
            var extra = ring * (r.Height * 0.9);
            var dx = d + extra;
            var dy = d + extra;
            yield return new LabelBox(r.X + dx, r.Y - r.Height / 2, r.Width, r.Height);
            yield return new LabelBox(r.X - dx - r.Width, r.Y - r.Height / 2, r.Width, r.Height);
            yield return new LabelBox(r.X - r.Width / 2, r.Y - dy - r.Height, r.Width, r.Height);
            yield return new LabelBox(r.X - r.Width / 2, r.Y + dy, r.Width, r.Height);
            yield return new LabelBox(r.X + dx * 0.7, r.Y - dy * 0.7 - r.Height, r.Width, r.Height);
            yield return new LabelBox(r.X - dx * 0.7 - r.Width, r.Y - dy * 0.7 - r.Height, r.Width, r.Height);
            yield return new LabelBox(r.X + dx * 0.7, r.Y + dy * 0.7, r.Width, r.Height);
            yield return new LabelBox(r.X - dx * 0.7 - r.Width, r.Y + dy * 0.7, r.Width, r.Height);
        }
    }

    /// <summary>The free position nearest the mark on a grid over the whole area.</summary>
    private static LabelBox? Scan(LabelRequest r, LabelBox area, List<LabelBox> placed, LabelBox[] marks)
    {
        LabelBox? best = null;
        var bestDistance = double.MaxValue;
        for (var top = area.Top; top + r.Height <= area.Bottom; top += ScanStep)
        {
            for (var left = area.Left; left + r.Width <= area.Right; left += ScanStep)
            {
                var box = new LabelBox(left, top, r.Width, r.Height);
                var distance = Math.Pow(box.CentreX - r.X, 2) + Math.Pow(box.CentreY - r.Y, 2);
                if (distance >= bestDistance || !Free(box, area, placed, marks)) continue;
                best = box;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static LabelBox Overflow(LabelRequest r, LabelBox area, List<LabelBox> placed)
    {
        for (var top = area.Bottom + Gap; ; top += r.Height + Gap)
        {
            for (var left = area.Left; left + r.Width <= Math.Max(area.Right, area.Left + r.Width); left += ScanStep)
            {
                var box = new LabelBox(left, top, r.Width, r.Height);
                if (!placed.Any(p => p.Inflate(Gap / 2).Overlaps(box))) return box;
            }
        }
    }

    private static bool Free(LabelBox box, LabelBox area, List<LabelBox> placed, LabelBox[] marks)
    {
        if (box.Left < area.Left || box.Top < area.Top || box.Right > area.Right || box.Bottom > area.Bottom) return false;
        var padded = box.Inflate(Gap / 2);
        foreach (var p in placed)
            if (padded.Overlaps(p)) return false;
        foreach (var m in marks)
            if (box.Overlaps(m)) return false;
        return true;
    }
}
