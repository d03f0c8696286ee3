using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>One record by kind and code. A record above the caller's clearance is "not found", never "forbidden".</summary>
public sealed class GetRecord(IBakenDb db)
{
    public async Task<Result<RecordView>> HandleAsync(string kindName, string code, CancellationToken ct = default)
    {
        if (RecordKinds.Find(kindName) is not { } kind)
            return Result<RecordView>.Invalid(new FieldError("kind", kindName, AllowedTexts.Kinds.With(RecordKinds.AllowedNames)));
        var record = await kind.Query(db).AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (record is null) return Result<RecordView>.NotFound(RegisterTexts.NotFound(kind, code));
        var mask = await RecordReferences.MaskAsync(db, kind, [record], ct);
        return Result<RecordView>.Ok(RecordView.From(kind, record, await CompartmentDirectory.LoadAsync(db, ct), mask));
    }
}
