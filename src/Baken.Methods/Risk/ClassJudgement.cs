using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>
/// One analyst's judgement of a class: a single class ("C"), or a range Low–High ("B-D") with an optional
/// most likely class ("B-D~C"). Invariant: Low ≤ MostLikely ≤ High. When a class was derived from a quantity,
/// <see cref="Derivation"/> says how (for example "350 deaths lies in C: 100 ≤ q &lt; 1,000 (scale v1, indicative)").
/// </summary>
public sealed record ClassJudgement
{
    /// <summary>Creates a judgement; throws <see cref="ArgumentException"/> when the range is impossible.</summary>
    public ClassJudgement(ImpactClass low, ImpactClass high, ImpactClass? mostLikely = null, string? derivation = null)
    {
        if (!Enum.IsDefined(low)) throw new ArgumentOutOfRangeException(nameof(low), low, "A class is X or A–E.");
        if (!Enum.IsDefined(high)) throw new ArgumentOutOfRangeException(nameof(high), high, "A class is X or A–E.");
        if (low > high)
            throw new ArgumentException($"Impossible range {low}-{high}: the low class {low} lies above the high class {high}; write the lower class first.", nameof(low));
        if (mostLikely is { } m && (m < low || m > high))
            throw new ArgumentException($"Most likely class {m} lies outside the range {low}-{high}; it must lie within it.", nameof(mostLikely));
        Low = low;
        High = high;
        MostLikely = low == high ? low : mostLikely;
        Derivation = derivation;
    }

    public ImpactClass Low { get; }
    public ImpactClass High { get; }

    /// <summary>The mode of a range; equals Low for a single class; null for a range without a stated mode.</summary>
    public ImpactClass? MostLikely { get; }

    /// <summary>How the class was derived from a quantity, or null when the analyst gave a class.</summary>
    public string? Derivation { get; }

    public bool IsRange => Low != High;

    /// <summary>
    /// The analyst's point class used for consensus: the most likely class, or for a range without one the midpoint
    /// class rounded up (the cautious choice, as with the median of an even count).
    /// </summary>
    public ImpactClass PointClass => MostLikely ?? (ImpactClass)(((int)Low + (int)High + 1) / 2);

    /// <summary>A single class.</summary>
    public static ClassJudgement Of(ImpactClass value) => new(value, value);

    /// <summary>
    /// Parses "C", "x", "B-D", "B–D" (en dash), "B—D", "B..D", "B-D~C" and "B-D (C)" — the class after '~' or in
    /// parentheses is the most likely one. Blanks are ignored, letters are case-insensitive.
    /// Throws <see cref="FormatException"/> naming the text and what is allowed.
    /// </summary>
    public static ClassJudgement Parse(string text)
    {
        if (TryParse(text, out var result, out var error)) return result;
        throw new FormatException(error);
    }

    /// <summary>Parses like <see cref="Parse"/>; on failure <paramref name="error"/> names the text and what is allowed.</summary>
    public static bool TryParse(string? text, out ClassJudgement result, out string error)
    {
        var ok = TryRead(text, out result, out var problem);
        error = problem?.English ?? string.Empty;
        return ok;
    }

    // The parser's texts, by key (the hosts translate them; the catalogue test finds them).
    public static readonly ParseText EmptyText = new("allowed.class.empty",
        "Empty class: write X, a class A–E, a range such as B-D or a range with its most likely class such as B-D~C.");
    public static readonly ParseText NotAClassText = new("allowed.class.notaclass",
        "'{0}' is not a class: allowed are X, A, B, C, D, E, a range such as B-D, or B-D~C (most likely C).");
    public static readonly ParseText ModeNotAClassText = new("allowed.class.modenotaclass", "'{0}': the most likely class '{1}' is not a class X or A–E.");
    public static readonly ParseText ImpossibleRangeText = new("allowed.class.impossiblerange",
        "'{0}' is an impossible range: {1} lies above {2}; write the lower class first (e.g. {2}-{1}).");
    public static readonly ParseText ModeOutsideText = new("allowed.class.modeoutside", "'{0}': the most likely class {1} lies outside the range {2}-{3}.");

    /// <summary>Parses like <see cref="Parse"/>; on failure <paramref name="problem"/> names the text and what is allowed, by key.</summary>
    public static bool TryRead(string? text, out ClassJudgement result, out ParseProblem? problem)
    {
        result = Of(ImpactClass.X);
        problem = null;
        var raw = text ?? string.Empty;
        var t = raw.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace('–', '-').Replace('—', '-').Replace("..", "-", StringComparison.Ordinal);
        if (t.Length == 0)
        {
            problem = EmptyText.With();
            return false;
        }

        string? modeText = null;
        var tilde = t.IndexOf('~', StringComparison.Ordinal);
        if (tilde >= 0)
        {
            modeText = t[(tilde + 1)..];
            t = t[..tilde];
        }
        else if (t.EndsWith(')') && t.IndexOf('(', StringComparison.Ordinal) is var open and > 0)
        {
            modeText = t[(open + 1)..^1];
            t = t[..open];
        }

        var parts = t.Split('-');
        if (parts.Length is < 1 or > 2 || !ImpactClasses.TryParse(parts[0], out var low)
            || (parts.Length == 2 && !ImpactClasses.TryParse(parts[1], out _)))
        {
            problem = NotAClassText.With(raw);
            return false;
        }

        var high = low;
        if (parts.Length == 2) ImpactClasses.TryParse(parts[1], out high);
        ImpactClass? mode = null;
        if (modeText is not null)
        {
            if (!ImpactClasses.TryParse(modeText, out var m))
            {
                problem = ModeNotAClassText.With(raw, modeText);
                return false;
            }
            mode = m;
        }

        if (low > high)
        {
            problem = ImpossibleRangeText.With(raw, low, high);
            return false;
        }
        if (mode is { } md && (md < low || md > high))
        {
            problem = ModeOutsideText.With(raw, md, low, high);
            return false;
        }

        result = new ClassJudgement(low, high, mode);
        return true;
    }

    /// <summary>Canonical text: "C", "B-D" or "B-D~C".</summary>
    public override string ToString() =>
        !IsRange ? Low.ToString()
        : MostLikely is { } m ? string.Create(CultureInfo.InvariantCulture, $"{Low}-{High}~{m}")
        : string.Create(CultureInfo.InvariantCulture, $"{Low}-{High}");

    /// <summary>
    /// The probability of each class index 0..5 when this judgement is sampled. A single class has all mass on it.
    /// A range with a mode uses a continuous triangular density on [Low − ½, High + ½] with its peak at the mode,
    /// integrated over each class's unit cell, so every class in the range keeps some mass and the mode has the most;
    /// a range without a mode is uniform over its classes.
    /// </summary>
    public double[] ClassProbabilities()
    {
        var p = new double[ImpactClasses.MaxIndex + 1];
        int lo = (int)Low, hi = (int)High;
        if (lo == hi)
        {
            p[lo] = 1.0;
            return p;
        }
        if (MostLikely is null)
        {
            for (var k = lo; k <= hi; k++) p[k] = 1.0 / (hi - lo + 1);
            return p;
        }

        double a = lo - 0.5, b = hi + 0.5, c = (int)MostLikely.Value;
        for (var k = lo; k <= hi; k++) p[k] = TriangularCdf(k + 0.5, a, b, c) - TriangularCdf(k - 0.5, a, b, c);
        return p;
    }

    private static double TriangularCdf(double x, double a, double b, double c)
    {
        if (x <= a) return 0.0;
        if (x >= b) return 1.0;
        return x <= c
            ? (x - a) * (x - a) / ((b - a) * (c - a))
            : 1.0 - (b - x) * (b - x) / ((b - a) * (b - c));
    }
}
