namespace Baken.Domain.Councils;

/// <summary>A council (RVI, MCEV, RDIA, the proposed NVR) or an official preparatory committee (CVIN, ACEV).</summary>
public sealed class Council : Record
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public CouncilType CouncilType { get; set; }
    /// <summary>"existing", "proposed" or "dissolved".</summary>
    public string? Status { get; set; }
    public string? Chair { get; set; }
    /// <summary>Organisation codes of the secretariat.</summary>
    public List<string> Secretariat { get; set; } = [];
    /// <summary>For committees: codes of the councils it prepares.</summary>
    public List<string> Prepares { get; set; } = [];
    public string? Summary { get; set; }
}
