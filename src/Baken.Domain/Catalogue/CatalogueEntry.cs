namespace Baken.Domain.Catalogue;

/// <summary>
/// A catalogue item that has no model of its own yet (trends, threats, pillars, goals, councils, products,
/// the flash poll, the defence-spending path, …): its kind, names, source and its other fields as JSON.
/// Later features promote a kind to its own entity when they give it behaviour.
/// </summary>
public sealed class CatalogueEntry : Record
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Summary { get; set; }
    public bool Indicative { get; set; }
    /// <summary>The item's remaining fields exactly as in the catalogue file (a JSON object).</summary>
    public string AttributesJson { get; set; } = "{}";
}
