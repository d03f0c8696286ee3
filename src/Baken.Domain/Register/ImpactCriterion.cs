namespace Baken.Domain.Register;

/// <summary>
/// One measurable dimension of harm under an interest, scored in classes A–E. Its scale is versioned
/// (<see cref="CriterionScale"/>); a retired criterion stays so that older analyses keep their criteria set.
/// </summary>
public sealed class ImpactCriterion : Record
{
    public string InterestCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? MeasuredAs { get; set; }
    public bool Retired { get; set; }
}
