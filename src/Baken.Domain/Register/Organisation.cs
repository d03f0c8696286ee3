using Baken.Domain.Capabilities;

namespace Baken.Domain.Register;

/// <summary>A ministry, service, knowledge institute or council: owner of measures, employer of analysts.</summary>
public sealed class Organisation : Record
{
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public OrganisationType Type { get; set; }
    public string? Summary { get; set; }
    /// <summary>Capabilities the organisation has, with their current level 0–4 (text form "CAP-MED=2; CAP-COMM=3").</summary>
    public IReadOnlyList<CapabilityLevel> Capabilities { get; set; } = [];
}
