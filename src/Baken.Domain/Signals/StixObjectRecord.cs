namespace Baken.Domain.Signals;

/// <summary>
/// One STIX 2.1 object as it arrived (threat actor, indicator, report, marking definition, or a type Baken has no
/// model for). The JSON is kept exactly, so an exported bundle carries everything an imported one had; the
/// classification comes from its markings through the configurable marking table. Code = the STIX id.
/// </summary>
public sealed class StixObjectRecord : Record
{
    public string StixType { get; set; } = "";
    public string? SpecVersion { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    /// <summary>The object's JSON text, property for property as imported.</summary>
    public string Json { get; set; } = "{}";
    /// <summary>The object's labels, for filtering exports.</summary>
    public List<string> Labels { get; set; } = [];
}
