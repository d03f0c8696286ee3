using Baken.Application.Common;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>Translates between compartment codes ("NUC;CYBER") and the bit masks stored on records.</summary>
public sealed class CompartmentDirectory
{
    private readonly Dictionary<string, Compartment> _byCode;

    private CompartmentDirectory(IEnumerable<Compartment> compartments) =>
        _byCode = compartments.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static async Task<CompartmentDirectory> LoadAsync(IBakenDb db, CancellationToken ct = default) =>
        new(await db.Compartments.AsNoTracking().ToListAsync(ct));

    public IReadOnlyList<string> Names(long mask) =>
        _byCode.Values.Where(c => (mask & c.Mask) != 0).OrderBy(c => c.Bit).Select(c => c.Code).ToList();

    public string Allowed => _byCode.Count == 0
        ? "no compartments are defined yet (an administrator adds them with 'baken user add --compartments')"
        : "codes of defined compartments separated by ';' (" + string.Join(", ", _byCode.Keys.Order(StringComparer.Ordinal)) + ")";

    /// <summary>Parses "NUC;CYBER" into a mask; an unknown code yields an error naming it.</summary>
    public bool TryParse(string? text, out long mask, out FieldError? error)
    {
        mask = 0;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var part in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!_byCode.TryGetValue(part, out var c))
            {
                error = new FieldError("compartments", part, Allowed);
                return false;
            }
            mask |= c.Mask;
        }
        return true;
    }
}
