namespace Baken.Domain.Register;

/// <summary>One of the national security interests (six since 2022).</summary>
public sealed class NationalSecurityInterest : Record
{
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Summary { get; set; }
}
