using System.Globalization;
using System.Text.Json.Nodes;
using Baken.Methods.Cascades.Graph;
using Baken.Application.Common;
using Baken.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Cascades;

/// <summary>The vital-process network as the caller may see it, and whether any of its edges are indicative placeholders.</summary>
public sealed record VitalProcessNetwork(DependencyNetwork Network, int IndicativeEdges, IReadOnlyList<string> Problems);

/// <summary>
/// Builds the dependency network of the vital processes from the register: the processes and the dependency edges of the
/// catalogue (kind "vital_process_dependencies": from depends on to, strength, delay and back-up in hours). Edges the
/// caller may not see are not in their network; an edge that cannot be read is reported, not guessed.
/// </summary>
public sealed class LoadDependencyNetwork(IBakenDb db)
{
    public const string EdgeKind = "vital_process_dependencies";

    public async Task<VitalProcessNetwork> HandleAsync(CancellationToken ct = default)
    {
        var processes = (await db.VitalProcesses.AsNoTracking().ToListAsync(ct))
            .Select(p => new VitalProcessNode(p.Code, p.Name, p.Category == VitalCategory.A ? VitalProcessCategory.A : VitalProcessCategory.B)).ToList();
        var known = processes.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var edges = new List<ProcessDependency>();
        var problems = new List<string>();
        var indicative = 0;
        foreach (var e in (await db.CatalogueEntries.AsNoTracking().Where(x => x.Kind == EdgeKind).ToListAsync(ct)).OrderBy(x => x.Code, StringComparer.Ordinal))
        {
            var a = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            var from = (string?)a["from"];
            var to = (string?)a["to"];
            if (from is null || to is null || !known.Contains(from) || !known.Contains(to))
            {
                problems.Add($"{e.Code}: 'from' and 'to' must be codes of vital processes you may see (got '{from}' → '{to}')");
                continue;
            }
            try
            {
                edges.Add(new ProcessDependency(from, to, Number(a, "strength", 1), Number(a, "delay_hours", 0), Number(a, "backup_hours", 0)));
                if (e.Indicative) indicative++;
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{e.Code}: {ex.Message.Split(" (Parameter")[0]}");
            }
        }
        return new VitalProcessNetwork(new DependencyNetwork(processes, edges), indicative, problems);
    }

    private static double Number(JsonObject a, string key, double fallback) =>
        a[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d
        : a[key] is JsonValue s && s.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p
        : fallback;
}
