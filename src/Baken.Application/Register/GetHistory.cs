using Baken.Application.Common;
using Baken.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <param name="Note">What the change says about itself: a declassification's reason, "entered by X for Y".</param>
public sealed record HistoryView(int Version, string Change, string UserName, DateTime AtUtc, string? Before, string? After, IReadOnlyList<FieldChange> Changes, string? Note = null);

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// The audit trail of one record, oldest first, including deleted records. Versions the caller may not
/// see (because the record was classified higher then) are left out by the same clearance filter; a record whose
/// latest version the caller may not see has no history for them at all.
/// </summary>
public sealed class GetHistory(IBakenDb db)
{
    public async Task<Result<IReadOnlyList<HistoryView>>> HandleAsync(string kindName, string code, CancellationToken ct = default)
    {
        if (RecordKinds.Find(kindName) is not { } kind)
            return Result<IReadOnlyList<HistoryView>>.Invalid(new FieldError("kind", kindName, AllowedTexts.Kinds.With(RecordKinds.AllowedNames)));
        var entries = await db.History.AsNoTracking()
            .Where(h => h.EntityKind == kind.Name && h.EntityCode == code)
            .OrderBy(h => h.Id).ToListAsync(ct);
        // A record raised above the reader (or deleted while above them) has no history for them either: its latest
        // version decides, as it does for the record itself, so the history is not a way to learn that it exists.
        var latest = await db.History.IgnoreQueryFilters().Where(h => h.EntityKind == kind.Name && h.EntityCode == code)
            .MaxAsync(h => (long?)h.Id, ct);
        if (entries.Count == 0 || entries[^1].Id != latest)
            return Result<IReadOnlyList<HistoryView>>.NotFound(RegisterTexts.NoHistoryOf(kind, code));
        return Result<IReadOnlyList<HistoryView>>.Ok(entries.Select(ToView).ToList());
    }

    private static HistoryView ToView(HistoryEntry h)
    {
        var before = Parse(h.BeforeJson);
        var after = Parse(h.AfterJson);
        var changes = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        return new HistoryView(h.Version, h.Change.ToString().ToLowerInvariant(), h.UserName, h.AtUtc, h.BeforeJson, h.AfterJson, changes, h.Note);
    }

    private static Dictionary<string, string?> Parse(string? json) =>
        json is null ? [] : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
}
