using Baken.Methods.Risk;

namespace Baken.Domain.Register;

/// <summary>A hazard or threat in the register. Scenarios make it concrete enough to score.</summary>
public sealed class Risk : Record
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public RiskKind Kind { get; set; }
    public RiskDimension Dimension { get; set; } = RiskDimension.Both;
    public SecurityLens Lenses { get; set; } = SecurityLens.National;
    public string? ThemeCode { get; set; }
    /// <summary>Interest codes this risk presses on.</summary>
    public List<string> InterestCodes { get; set; } = [];
    public string? OrganisationCode { get; set; }
}
