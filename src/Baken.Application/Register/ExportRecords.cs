using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>All records of one kind that the caller may see, in code order, as rows for a file.</summary>
public sealed class ExportRecords(IBakenDb db)
{
    public async Task<Result<IReadOnlyList<RecordView>>> HandleAsync(string kindName, CancellationToken ct = default)
    {
        if (RecordKinds.Find(kindName) is not { } kind)
            return Result<IReadOnlyList<RecordView>>.Invalid(new FieldError("kind", kindName, RecordKinds.AllowedNames));
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var rows = await kind.Query(db).AsNoTracking().ToListAsync(ct);
        var mask = await RecordReferences.MaskAsync(db, kind, rows, ct);
        return Result<IReadOnlyList<RecordView>>.Ok(rows.OrderBy(r => r.Code, NaturalComparer.Instance)
            .Select(r => RecordView.From(kind, r, compartments, mask)).ToList());
    }

    /// <summary>The column names of a kind's files: common columns, then its fields.</summary>
    public static IReadOnlyList<string> Columns(RecordKind kind) =>
        RecordView.CommonColumns.Concat(kind.Fields.Select(f => f.Name)).ToList();
}
