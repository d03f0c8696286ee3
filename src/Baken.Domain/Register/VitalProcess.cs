namespace Baken.Domain.Register;

/// <summary>A critical-infrastructure process of the NCTV list, category A (most severe) or B.</summary>
public sealed class VitalProcess : Record
{
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Sector { get; set; } = "";
    public VitalCategory Category { get; set; }
    public string? Ministry { get; set; }
}
