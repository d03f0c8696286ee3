using Baken.Domain;
using Baken.Domain.Security;

namespace Baken.Application.Register;

/// <summary>A register record as every interface shows it: common facts plus the kind's fields as text.</summary>
public sealed record RecordView(
    string Kind,
    string Code,
    string Title,
    string Classification,
    IReadOnlyList<string> Compartments,
    int Version,
    DateTime UpdatedAtUtc,
    string UpdatedBy,
    string? Provenance,
    bool Publishable,
    IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>
    /// The fields that are lists of typed choices (a dependency's options) as JSON — an array of objects — beside their
    /// text form in <see cref="Fields"/>; null for kinds without such fields.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Structured { get; init; }

    /// <summary>The names of the common columns that precede a kind's own fields in files and tables.</summary>
    public static readonly string[] CommonColumns = ["code", "classification", "compartments", "provenance", "publishable"];

    /// <param name="mask">Replaces referenced codes the reader may not see (<see cref="RecordReferences.MaskAsync"/>).</param>
    public static RecordView From(RecordKind kind, Record r, CompartmentDirectory compartments, Func<RecordField, string?, string?>? mask = null)
    {
        var fields = new Dictionary<string, string?>(kind.Fields.Count, StringComparer.Ordinal);
        Dictionary<string, System.Text.Json.JsonElement>? structured = null;
        foreach (var f in kind.Fields)
        {
            fields[f.Name] = mask is null ? f.Get(r) : mask(f, f.Get(r));
            if (f.GetJson is not { } json) continue;
            using var document = System.Text.Json.JsonDocument.Parse(json(r));
            (structured ??= new(StringComparer.Ordinal))[f.Name] = document.RootElement.Clone();
        }
        return new RecordView(kind.Name, r.Code, kind.Title(r), r.ClassificationLevel.DisplayName(),
            compartments.Names(r.CompartmentMask), r.Version, r.UpdatedAtUtc, r.UpdatedBy, r.Provenance, r.Publishable, fields)
        { Structured = structured };
    }

    /// <summary>All columns of this record in file order (common columns, then the kind's fields).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Columns()
    {
        yield return new("code", Code);
        yield return new("classification", Classification);
        yield return new("compartments", string.Join(";", Compartments));
        yield return new("provenance", Provenance);
        yield return new("publishable", Publishable ? "true" : "false");
        foreach (var f in Fields) yield return f;
    }
}
