namespace Baken.Domain.Register;

/// <summary>A ministry, service, knowledge institute or council: owner of measures, employer of analysts.</summary>
public sealed class Organisation : Record
{
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public OrganisationType Type { get; set; }
    public string? Summary { get; set; }
}
