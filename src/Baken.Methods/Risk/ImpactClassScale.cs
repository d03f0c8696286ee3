using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>The class a quantity falls in, with the reasoning shown to the analyst.</summary>
/// <param name="Class">X when the quantity lies below the lower bound of A.</param>
/// <param name="Explanation">For example "350 deaths lies in C: 100 ≤ q &lt; 1,000 (scale v1, indicative)".</param>
public sealed record ScaleClassification(ImpactClass Class, string Explanation);

/// <summary>
/// The class scale of one impact criterion, as versioned data (METHODS §1.1). A quantitative scale holds the inclusive
/// lower bound of each class A..E in the criterion's unit (strictly increasing); a quantity below A's bound is X.
/// A qualitative scale (a ladder of descriptions) has no bounds and only accepts classes.
/// </summary>
public sealed record ImpactClassScale
{
    private readonly double[]? _lowerBounds;

    private ImpactClassScale(string criterionCode, int version, string unit, bool isIndicative, double[]? lowerBounds)
    {
        if (string.IsNullOrWhiteSpace(criterionCode))
            throw new ArgumentException("A criterion code is required (for example \"2.1\").", nameof(criterionCode));
        if (version < 1) throw new ArgumentOutOfRangeException(nameof(version), version, "A scale version is 1 or higher.");
        if (lowerBounds is not null)
        {
            if (lowerBounds.Length != 5)
                throw new ArgumentException($"Scale of criterion {criterionCode} needs 5 lower bounds (A..E), got {lowerBounds.Length}.", nameof(lowerBounds));
            for (var i = 0; i < 5; i++)
            {
                if (!double.IsFinite(lowerBounds[i]) || lowerBounds[i] < 0)
                    throw new ArgumentOutOfRangeException(nameof(lowerBounds), lowerBounds[i], $"Lower bound of class {(ImpactClass)(i + 1)} of criterion {criterionCode} must be a finite number ≥ 0.");
                if (i > 0 && lowerBounds[i] <= lowerBounds[i - 1])
                    throw new ArgumentException($"Lower bounds of criterion {criterionCode} must increase strictly from A to E; {(ImpactClass)(i + 1)} = {lowerBounds[i].ToString(CultureInfo.InvariantCulture)} is not above {(ImpactClass)i} = {lowerBounds[i - 1].ToString(CultureInfo.InvariantCulture)}.", nameof(lowerBounds));
            }
        }
        CriterionCode = criterionCode;
        Version = version;
        Unit = unit ?? string.Empty;
        IsIndicative = isIndicative;
        _lowerBounds = lowerBounds is null ? null : (double[])lowerBounds.Clone();
    }

    /// <summary>A scale with inclusive lower bounds for A, B, C, D, E in <paramref name="unit"/> (strictly increasing, ≥ 0).</summary>
    public static ImpactClassScale Quantitative(string criterionCode, int version, string unit, IReadOnlyList<double> lowerBoundsAToE, bool isIndicative) =>
        new(criterionCode, version, unit, isIndicative, lowerBoundsAToE?.ToArray() ?? throw new ArgumentNullException(nameof(lowerBoundsAToE)));

    /// <summary>A qualitative ladder: analysts give classes; quantities are refused.</summary>
    public static ImpactClassScale Qualitative(string criterionCode, int version, bool isIndicative) =>
        new(criterionCode, version, "ladder", isIndicative, null);

    public string CriterionCode { get; }
    public int Version { get; }

    /// <summary>Unit of the quantity (for example "deaths", "people", "EUR"); "ladder" for qualitative scales.</summary>
    public string Unit { get; }

    /// <summary>True when the bounds could not be verified against an official source and are shown as indicative.</summary>
    public bool IsIndicative { get; }

    public bool IsQuantitative => _lowerBounds is not null;

    /// <summary>Inclusive lower bounds of A..E in <see cref="Unit"/>; empty for a qualitative scale.</summary>
    public IReadOnlyList<double> LowerBounds => _lowerBounds ?? [];

    /// <summary>
    /// The class of <paramref name="quantity"/> (in <see cref="Unit"/>, ≥ 0) and how it was found.
    /// Throws <see cref="InvalidOperationException"/> for a qualitative scale.
    /// </summary>
    public ScaleClassification Classify(double quantity)
    {
        if (_lowerBounds is null)
            throw new InvalidOperationException($"Criterion {CriterionCode} has a qualitative scale: give a class X or A–E, not a quantity.");
        if (!double.IsFinite(quantity) || quantity < 0)
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"A quantity for criterion {CriterionCode} is a finite number ≥ 0.");

        var index = 0;
        while (index < 5 && quantity >= _lowerBounds[index]) index++;
        var cls = (ImpactClass)index;
        var q = Format(quantity);
        var unit = Unit.Length == 0 ? string.Empty : " " + Unit;
        string range = index switch
        {
            0 => $"q < {Format(_lowerBounds[0])}",
            5 => $"q ≥ {Format(_lowerBounds[4])}",
            _ => $"{Format(_lowerBounds[index - 1])} ≤ q < {Format(_lowerBounds[index])}",
        };
        var flag = IsIndicative ? ", indicative" : string.Empty;
        return new ScaleClassification(cls, $"{q}{unit} lies in {cls}: {range} (scale v{Version.ToString(CultureInfo.InvariantCulture)}{flag})");
    }

    private static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
