namespace Baken.Domain.Register;

/// <summary>
/// One version of a criterion's class scale. Quantitative scales give the inclusive lower bound of each
/// class in <see cref="Unit"/>; qualitative ladders give only descriptions. Indicative scales are placeholders
/// whose official values could not be verified (METHODS.md §1.1) and are shown with a flag.
/// </summary>
public sealed class CriterionScale : Record
{
    private static readonly MessageTemplate LowerBoundRule =
        new("allowed.scale.lowerbound", "a number greater than the previous class's lower bound (a quantitative scale needs all five)");

    public string CriterionCode { get; set; } = "";
    public int ScaleVersion { get; set; } = 1;
    public string Unit { get; set; } = "ladder";
    public bool Indicative { get; set; }
    public bool Quantitative { get; set; }
    public double? LowerA { get; set; }
    public double? LowerB { get; set; }
    public double? LowerC { get; set; }
    public double? LowerD { get; set; }
    public double? LowerE { get; set; }
    public string? DescriptionA { get; set; }
    public string? DescriptionB { get; set; }
    public string? DescriptionC { get; set; }
    public string? DescriptionD { get; set; }
    public string? DescriptionE { get; set; }

    public double?[] LowerBounds => [LowerA, LowerB, LowerC, LowerD, LowerE];

    /// <summary>Quantitative bounds must all be present and strictly increasing.</summary>
    public void CheckBounds()
    {
        if (!Quantitative) return;
        double previous = double.NegativeInfinity;
        var names = "ABCDE";
        for (var i = 0; i < 5; i++)
        {
            var b = LowerBounds[i];
            if (b is null || double.IsNaN(b.Value) || b.Value <= previous)
                throw new DomainValidationException($"lower{names[i]}", b?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    LowerBoundRule);
            previous = b.Value;
        }
    }
}
