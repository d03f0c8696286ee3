namespace Baken.Domain.Register;

/// <summary>A theme of the risk analysis (nine in the RRNV 2022).</summary>
public sealed class Theme : Record
{
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Summary { get; set; }
}
