using System.Text.Json.Nodes;
using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Dependencies;

/// <summary>One line of the catalogue's product-to-domain mapping: an HS prefix, its domain code and the vital processes that rely on it.</summary>
public sealed record ProductDomain(string Prefix, string Domain, string? VitalProcesses);

/// <summary>The catalogue's <c>product_domains</c> mapping, which gives a screened product its domain (the longest matching HS prefix).</summary>
public static class ProductDomains
{
    public const string CatalogueKind = "product_domains";

    /// <summary>The mapping's lines the reader may see; lines without a prefix or a domain are left out.</summary>
    public static async Task<IReadOnlyList<ProductDomain>> LoadAsync(IBakenDb db, CancellationToken ct = default) =>
        (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == CatalogueKind).ToListAsync(ct))
        .Select(e => JsonNode.Parse(e.AttributesJson) as JsonObject)
        .Where(a => a?["prefix"] is not null && a["domain"] is not null)
        .Select(a => new ProductDomain((string)a!["prefix"]!, (string)a["domain"]!, (string?)a["vital_processes"]))
        .ToList();
}
