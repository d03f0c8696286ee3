using Baken.Methods.CountryRisk;

namespace Baken.Infrastructure.CountryRisk;

/// <summary>One country row of a published INFORM release file.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code, upper case.</param>
/// <param name="Country">The country name as the file spells it.</param>
/// <param name="Scores">Published scores (0–10) by INFORM node id; null where the file says 'x' or leaves the cell empty.</param>
/// <param name="PublishedRisk">The published INFORM Risk, or null when the file gives none for this country.</param>
public sealed record InformCountryRow(
    string Iso3,
    string Country,
    IReadOnlyDictionary<string, double?> Scores,
    double? PublishedRisk);

/// <summary>A published INFORM release file, read and matched to a model tree.</summary>
/// <param name="Model">The release tree whose nodes the columns were matched to.</param>
/// <param name="Countries">The country rows in file order.</param>
/// <param name="UnmatchedNodes">Ids of model nodes for which the file has no column (their scores are missing).</param>
/// <param name="EncodingName">"utf-8" or "windows-1252": how the bytes were decoded.</param>
/// <param name="Warnings">Cells that could not be used (not a number, outside 0–10), each naming the row, column and value.</param>
public sealed record InformCountryFile(
    InformModel Model,
    IReadOnlyList<InformCountryRow> Countries,
    IReadOnlyList<string> UnmatchedNodes,
    string EncodingName,
    IReadOnlyList<string> Warnings);
