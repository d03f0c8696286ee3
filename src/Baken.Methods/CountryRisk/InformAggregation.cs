namespace Baken.Methods.CountryRisk;

/// <summary>How an INFORM node combines the scores (0–10) of its children.</summary>
public enum InformAggregation
{
    /// <summary>A leaf: its score is an input, not computed.</summary>
    Input = 0,

    /// <summary><c>11 − (Π(11 − xᵢ))^(1/n)</c>: one high child dominates, as in Natural hazards.</summary>
    ReversedGeometricMean = 1,

    /// <summary><c>(Π xᵢ)^(1/n)</c>: used for the top level (H&amp;E × V × LCC)^(1/3).</summary>
    GeometricMean = 2,

    /// <summary><c>Σ xᵢ / n</c>.</summary>
    ArithmeticMean = 3,

    /// <summary><c>Σ wᵢ xᵢ / Σ wᵢ</c> over the children present.</summary>
    WeightedArithmeticMean = 4,

    /// <summary>
    /// <c>max(wᵢ xᵢ)</c>. INFORM's Human hazard: the current highly violent conflict intensity (weight 1)
    /// or 0.7 × the projected conflict risk, whichever is larger.
    /// </summary>
    WeightedMaximum = 5,
}
