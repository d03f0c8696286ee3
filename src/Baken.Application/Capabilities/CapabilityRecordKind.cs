using C = Baken.Domain.Capabilities;

namespace Baken.Application.Register;

/// <summary>The capability record (METHODS §8): what the country must be able to do; the starter list is indicative.</summary>
public static partial class RecordKinds
{
    public static readonly RecordKind Capability = Kind<C.Capability>("capability", "capabilities", "Capaciteiten", "Capabilities", "name",
        db => db.Capabilities, b => b
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v ?? "")
            .Text("description", "What it covers", r => r.Description, (r, v) => r.Description = v, multiline: true)
            .Bool("indicative", "Inferred or placeholder content", r => r.Indicative, (r, v) => r.Indicative = v));
}
