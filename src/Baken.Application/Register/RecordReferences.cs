using System.Linq.Expressions;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>
/// One field of one kind that holds codes of another kind (a scenario's <c>theme</c>, a goal's <c>measures</c>), or links
/// that may name <see cref="Target"/> (an agenda item's <c>links</c>, a progress update's <c>subject</c>).
/// </summary>
public sealed record ReferenceField(RecordKind Kind, RecordField Field, string Target)
{
    /// <summary>Records of <see cref="Kind"/> whose field holds <paramref name="code"/>, alone, in its list, or as a link.</summary>
    public async Task<List<Record>> ReferringAsync(IBakenDb db, string code, bool ignoreClearance, CancellationToken ct)
    {
        var query = Kind.Query(db);
        if (ignoreClearance) query = query.IgnoreQueryFilters();
        if (Field.Links is { } links)
        {
            var link = new RecordLink(Target, code);
            // One link is one JSON value, compared whole in SQL; a list of links is a JSON array neither database is asked
            // to search the same way, so the (few) records of the kind are read and their typed links looked at.
            if (!Field.ReferencesMany) return await query.Where(r => EF.Property<RecordLink>(r, Field.Property!).Equals(link)).ToListAsync(ct);
            return (await query.ToListAsync(ct)).Where(r => links(r).Contains(link)).ToList();
        }
        return await query.Where(Field.IsCodeList ? CodeListQueries.Holds(Field.Property!, code) : Holds(Field.Property!, code, Field.ReferencesMany)).ToListAsync(ct);
    }

    /// <summary>Takes <paramref name="code"/> out of the referrer's field (a list drops it, a single reference is emptied).</summary>
    public void Unlink(Record referrer, string code)
    {
        if (Field.Links is { } links)
        {
            var link = new RecordLink(Target, code);
            Field.Set(referrer, QualifiedCodes.Format(links(referrer).Where(l => l != link).ToList()));
            return;
        }
        var left = Field.ReferencesMany
            ? string.Join(";", RecordFieldBuilder<Record>.SplitCodes(Field.Get(referrer)).Where(c => c != code))
            : null;
        Field.Set(referrer, string.IsNullOrEmpty(left) ? null : left);
    }

    // Lists still kept as text are stored trimmed and joined by ';' without spaces (RecordFieldBuilder.Codes), so four patterns find a
    // code in SQL on both databases without loading the table.
    private static Expression<Func<Record, bool>> Holds(string property, string code, bool many)
    {
        if (!many) return r => EF.Property<string?>(r, property) == code;
        var first = code + ";";
        var last = ";" + code;
        var middle = ";" + code + ";";
        return r => EF.Property<string?>(r, property) == code
                    || EF.Property<string?>(r, property)!.StartsWith(first)
                    || EF.Property<string?>(r, property)!.EndsWith(last)
                    || EF.Property<string?>(r, property)!.Contains(middle);
    }
}

/// <summary>
/// The references between register records, read from the fields' metadata (<see cref="RecordField.References"/>):
/// who refers to a record before it is deleted, and whether a reference would point at a record classified above the
/// one that holds it. Kept apart from the write use cases so they only ask one question each.
/// </summary>
public static class RecordReferences
{
    private static readonly MessageTemplate CascadeRefused = new("allowed.register.cascaderefused", "The cascade would {0} {1} '{2}': {3}");
    private static readonly MessageTemplate CascadeDelete = new("allowed.register.cascadedelete", "delete");
    private static readonly MessageTemplate CascadeChange = new("allowed.register.cascadechange", "change");
    /// <summary>Shown instead of a referenced code the reader may not see (lists, exports, pages translate it).</summary>
    public const string Withheld = "(withheld)";

    private static IReadOnlyDictionary<string, IReadOnlyList<ReferenceField>>? _into;

    /// <summary>Every field, of any kind, that holds codes of <paramref name="target"/>.</summary>
    public static IReadOnlyList<ReferenceField> Into(RecordKind target)
    {
        _into ??= RecordKinds.All
            .SelectMany(k => k.Fields.Where(f => f.Property is not null).SelectMany(f =>
                f.LinkKinds is { } kinds ? kinds.Select(t => new ReferenceField(k, f, t))
                : f.References is not null ? [new ReferenceField(k, f, RecordKinds.Find(f.References)!.Name)] : []))
            .GroupBy(r => r.Target)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReferenceField>)g.ToList());
        return _into.TryGetValue(target.Name, out var fields) ? fields : [];
    }

    /// <summary>
    /// Why a record may not be deleted, or null when nothing refers to it. Counts only what the reader may see; a
    /// referrer above their clearance is mentioned as "other records" without a count or a kind.
    /// </summary>
    public static async Task<ValidationMessage?> RefusalAsync(IBakenDb db, RecordKind kind, string code, CancellationToken ct)
    {
        var visible = new List<(RecordKind, IReadOnlyCollection<string>)>();
        var hidden = false;
        foreach (var group in Into(kind).GroupBy(r => r.Kind))
        {
            var codes = new SortedSet<string>(StringComparer.Ordinal);
            var all = 0;
            foreach (var reference in group)
            {
                codes.UnionWith((await reference.ReferringAsync(db, code, ignoreClearance: false, ct)).Select(r => r.Code));
                all = Math.Max(all, (await reference.ReferringAsync(db, code, ignoreClearance: true, ct)).Count);
            }
            hidden |= all > codes.Count;
            if (codes.Count > 0) visible.Add((group.Key, codes));
        }
        if (visible.Count == 0 && !hidden) return null;
        return RegisterTexts.ReferredBy(kind, code, visible, hidden);
    }

    /// <summary>
    /// A cascading delete: every visible record that refers to the target loses the reference (a list drops the code,
    /// an optional field is emptied) or, when the reference is required, is deleted itself, and so on down. Refused when a
    /// record the reader may not see refers to anything on the way (nobody deletes what they cannot see), and forbidden
    /// when <paramref name="mayChange"/> refuses one of the changes. Changes are staged on <paramref name="db"/>; the
    /// caller saves them in one transaction.
    /// </summary>
    /// <param name="mayChange">The permission check for one record to delete (true) or edit (false): a reason, or null when allowed.</param>
    public static async Task<(ValidationMessage? Refused, ValidationMessage? Forbidden)> CascadeAsync(IBakenDb db, RecordKind kind, Record record,
        Func<RecordKind, Record, bool, CancellationToken, Task<ValidationMessage?>> mayChange, CancellationToken ct)
    {
        var deleted = new HashSet<(string, string)>();
        var pending = new Queue<(RecordKind Kind, Record Record)>();
        pending.Enqueue((kind, record));
        deleted.Add((kind.Name, record.Code));
        while (pending.TryDequeue(out var next))
        {
            foreach (var reference in Into(next.Kind))
            {
                var referrers = await reference.ReferringAsync(db, next.Record.Code, ignoreClearance: false, ct);
                var all = (await reference.ReferringAsync(db, next.Record.Code, ignoreClearance: true, ct)).Count;
                if (all > referrers.Count)
                    return (RegisterTexts.ReferredByHiddenRecords(kind, record.Code), null);
                foreach (var referrer in referrers)
                {
                    if (deleted.Contains((reference.Kind.Name, referrer.Code))) continue;
                    var delete = reference.Field.Required;
                    if (await mayChange(reference.Kind, referrer, delete, ct) is { } refusal)
                        return (null, CascadeRefused.With(delete ? CascadeDelete : CascadeChange, RegisterTexts.KindNamed(reference.Kind.Name), referrer.Code, refusal));
                    if (delete)
                    {
                        deleted.Add((reference.Kind.Name, referrer.Code));
                        pending.Enqueue((reference.Kind, referrer));
                    }
                    else
                    {
                        reference.Unlink(referrer, next.Record.Code);
                    }
                }
            }
            db.RemoveRecord(next.Record);
        }
        return (null, null);
    }

    /// <summary>
    /// True when <paramref name="referent"/> may be named by a record classified as <paramref name="holder"/>: a reference
    /// never points up, so every reader of the holder may also read what it names.
    /// </summary>
    public static bool MayBeNamedBy(Classification referent, Classification holder) =>
        referent.IsVisibleTo(holder.Level, holder.CompartmentMask);

    /// <summary>What a reference field allows, said without naming anything about the record it pointed at.</summary>
    public static ValidationMessage NeverPointsUp(string kind) => NeverPointsUpRule.With(RegisterTexts.KindNamed(kind));

    private static readonly MessageTemplate NeverPointsUpRule = new("allowed.reference.neverup",
        "the code of a {0} classified no higher than this record and in no compartment it lacks (a reference never points up)");

    /// <summary>"the code of an existing {kind}": a reference to a record that is not there (or not visible to the reader).</summary>
    public static ValidationMessage Existing(string kind) => ExistingRule.With(RegisterTexts.KindNamed(kind));

    private static readonly MessageTemplate ExistingRule = new("allowed.reference.existing", "the code of an existing {0}");

    /// <summary>
    /// Replaces, in the field values of <paramref name="records"/>' views, every referenced code the reader may not see
    /// by <see cref="Withheld"/> (a reference made before its target was raised above the holder).
    /// </summary>
    public static async Task<Func<RecordField, string?, string?>> MaskAsync(IBakenDb db, RecordKind kind, IReadOnlyCollection<Record> records, CancellationToken ct)
    {
        var visible = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var byKind in kind.Fields.Where(f => f.References is not null).GroupBy(f => RecordKinds.Find(f.References)!))
        {
            var codes = records.SelectMany(r => byKind.SelectMany(f => RecordFieldBuilder<Record>.SplitCodes(f.Get(r)))).Distinct().ToList();
            var target = byKind.Key;
            // The same few codes come back page after page (a scenario's theme), so the answer is kept until the register changes.
            visible[target.Name] = codes.Count == 0
                ? new HashSet<string>(StringComparer.Ordinal)
                : await db.RememberedAsync("visible:" + target.Name + ":" + string.Join(',', codes.Order(StringComparer.Ordinal)),
                    async c => (await target.Query(db).WhereCodeIn(codes).Select(r => r.Code).ToListAsync(c)).ToHashSet(StringComparer.Ordinal), ct);
        }
        return (field, value) =>
        {
            if (field.References is null || string.IsNullOrEmpty(value)) return value;
            var seen = visible[RecordKinds.Find(field.References)!.Name];
            if (!field.ReferencesMany) return seen.Contains(value) ? value : Withheld;
            return string.Join(";", RecordFieldBuilder<Record>.SplitCodes(value).Select(c => seen.Contains(c) ? c : Withheld).Distinct());
        };
    }
}
