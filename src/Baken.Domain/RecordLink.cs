using System.Text.Json.Nodes;

namespace Baken.Domain;

/// <summary>
/// A reference to a record of some kind (codes are unique per kind only, so a link names its kind): "scenario", "S-01".
/// Its text form is "kind:code" (Application/Register/QualifiedCodes).
/// </summary>
public sealed record RecordLink(string Kind, string Code)
{
    public override string ToString() => $"{Kind}:{Code}";
}

/// <summary>The JSON column of a list of <see cref="RecordLink"/>: <c>[{"kind": "scenario", "code": "S-01"}]</c>.</summary>
public static class RecordLinks
{
    public static string ToJson(IReadOnlyList<RecordLink>? links) =>
        JsonListColumn.ToJson(links, l => new JsonObject { ["kind"] = l.Kind, ["code"] = l.Code });

    public static IReadOnlyList<RecordLink> FromJson(string? json) =>
        JsonListColumn.FromJson(json, o => new RecordLink(JsonListColumn.Text(o, "kind"), JsonListColumn.Text(o, "code")));

    public static bool Same(IReadOnlyList<RecordLink>? a, IReadOnlyList<RecordLink>? b) => JsonListColumn.Same(a, b);

    public static int Hash(IReadOnlyList<RecordLink>? links) => JsonListColumn.Hash(links);

    public static IReadOnlyList<RecordLink> Snapshot(IReadOnlyList<RecordLink> links) => links.ToArray();
}
