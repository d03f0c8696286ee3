using Baken.Application.Common;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>All records of one kind that the caller may see, in code order, as rows for a file.</summary>
public sealed class ExportRecords(IBakenDb db)
{
    public async Task<Result<IReadOnlyList<RecordView>>> HandleAsync(string kindName, CancellationToken ct = default)
    {
        if (RecordKinds.Find(kindName) is not { } kind)
            return Result<IReadOnlyList<RecordView>>.Invalid(new FieldError("kind", kindName, AllowedTexts.Kinds.With(RecordKinds.AllowedNames)));
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var rows = await kind.Query(db).AsNoTracking().ToListAsync(ct);
        var mask = await RecordReferences.MaskAsync(db, kind, rows, ct);
        return Result<IReadOnlyList<RecordView>>.Ok(rows.OrderBy(r => r.Code, NaturalComparer.Instance)
            .Select(r => RecordView.From(kind, r, compartments, mask)).ToList());
    }

    /// <summary>
    /// The marking of an export of <paramref name="rows"/> (METHODS §10): the highest level and the union of the
    /// compartments of the rows actually exported, not of everything the caller may see.
    /// </summary>
    public async Task<Marking> MarkingAsync(IEnumerable<RecordView> rows, CancellationToken ct = default) =>
        Of(await CompartmentDirectory.LoadAsync(db, ct), rows);

    /// <summary>The high-water marking of <paramref name="rows"/>, compartments in the directory's definition order.</summary>
    public static Marking Of(CompartmentDirectory directory, IEnumerable<RecordView> rows)
    {
        var level = ClassificationLevel.Ongerubriceerd;
        long mask = 0;
        foreach (var r in rows)
        {
            if (ClassificationLevels.TryParse(r.Classification, out var l) && l > level) level = l;
            // A level that does not read back fails closed.
            else if (!ClassificationLevels.TryParse(r.Classification, out _)) level = ClassificationLevel.StaatsgeheimZeerGeheim;
            if (r.Compartments.Count > 0 && directory.TryParse(string.Join(';', r.Compartments), out var m, out _)) mask |= m;
        }
        return directory.Marking(new Classification(level, mask));
    }

    /// <summary>The column names of a kind's files: common columns, then its fields.</summary>
    public static IReadOnlyList<string> Columns(RecordKind kind) =>
        RecordView.CommonColumns.Concat(kind.Fields.Select(f => f.Name)).ToList();
}
