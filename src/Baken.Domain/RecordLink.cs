namespace Baken.Domain;

/// <summary>
/// A reference to a record of some kind (codes are unique per kind only, so a link names its kind): "scenario", "S-01".
/// Its text form is "kind:code" (Application/Register/QualifiedCodes).
/// </summary>
public sealed record RecordLink(string Kind, string Code)
{
    public override string ToString() => $"{Kind}:{Code}";
}
