using System.Text.Json.Nodes;

namespace Baken.Application.Catalogue;

/// <summary>One file of the catalogue (catalog/*.json): its kind (the file name without .json) and its items.</summary>
public sealed record CatalogueFile(string Kind, string? Description, IReadOnlyList<JsonObject> Items);
