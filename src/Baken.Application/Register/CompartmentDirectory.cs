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

    /// <summary>
    /// The directory as far as <paramref name="records"/> need it: their compartments' names. Most pages show no compartment
    /// at all, and then no query is made.
    /// </summary>
    public static async Task<CompartmentDirectory> ForAsync(IBakenDb db, IEnumerable<Domain.Record> records, CancellationToken ct = default) =>
        records.Any(r => r.CompartmentMask != 0) ? await LoadAsync(db, ct) : new([]);

    public static async Task<CompartmentDirectory> LoadAsync(IBakenDb db, CancellationToken ct = default) =>
        new(await db.Compartments.AsNoTracking().ToListAsync(ct));

    public IReadOnlyList<string> Names(long mask) => mask == 0 ? [] :
        _byCode.Values.Where(c => (mask & c.Mask) != 0).OrderBy(c => c.Bit).Select(c => c.Code).ToList();

    /// <summary>The marking line of a classification: its level and its compartments' codes in definition order.</summary>
    public Marking Marking(Classification c) => new(c.Level, Names(c.CompartmentMask));

    /// <summary>The marking of something made from <paramref name="inputs"/>: highest level, union of compartments.</summary>
    public Marking HighWater(IEnumerable<Classification> inputs) => Marking(Classification.Highest(inputs));

    public static string AudienceAllowed => AllowedTexts.RegisterAudience.English;

    /// <summary>Reads an audience: <c>public</c>, <c>internal</c> or a marking line naming its level and compartments.</summary>
    public bool TryParseAudience(string? text, out Audience audience, out FieldError? error)
    {
        audience = Audience.Caller;
        error = null;
        var t = text?.Trim() ?? "";
        if (t.Equals("public", StringComparison.OrdinalIgnoreCase) || t.Equals("openbaar", StringComparison.OrdinalIgnoreCase)) { audience = Audience.Public; return true; }
        if (t.Equals("internal", StringComparison.OrdinalIgnoreCase) || t.Equals("intern", StringComparison.OrdinalIgnoreCase)) return true;
        if (!Domain.Security.Marking.TryParse(t, out var marking))
        {
            error = new FieldError("audience", text ?? "", AllowedTexts.RegisterAudience);
            return false;
        }
        if (!TryParse(string.Join(';', marking.Compartments), out var mask, out var compartmentError))
        {
            error = compartmentError! with { Field = "audience" };
            return false;
        }
        audience = Audience.Cleared(marking.Level, mask, Marking(new Classification(marking.Level, mask)));
        return true;
    }

    public string Allowed => Rule.English;

    /// <summary>What a compartment list may hold, as a catalogue text.</summary>
    public Domain.ValidationMessage Rule => _byCode.Count == 0 ? AllowedTexts.RegisterNoCompartments
        : AllowedTexts.RegisterCompartments.With(string.Join(", ", _byCode.Keys.Order(StringComparer.Ordinal)));

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
                error = new FieldError("compartments", part, Rule);
                return false;
            }
            mask |= c.Mask;
        }
        return true;
    }
}
