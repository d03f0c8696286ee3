using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <param name="Cascade">Also remove the references to it (and delete the records that cannot exist without it); without it,
/// a record that others refer to is not deleted.</param>
public sealed record DeleteRecordRequest(string Kind, string Code, int? ExpectedVersion = null, bool Cascade = false);

/// <summary>
/// Deletes a record. Its last version stays in the history, so nothing is lost. A record that others refer to is kept
/// (a conflict naming the kinds that refer to it) unless the caller asks for a cascade.
/// </summary>
public sealed class DeleteRecord(IBakenDb db)
{
    public async Task<Result<string>> HandleAsync(DeleteRecordRequest request, CancellationToken ct = default)
    {
        if (RecordKinds.Find(request.Kind) is not { } kind)
            return Result<string>.Invalid(new FieldError("kind", request.Kind, RecordKinds.AllowedNames));
        if (kind.ReadOnly)
            return Result<string>.Forbidden($"{kind.DisplayEn} are made by their own command, not edited in the register.");
        var record = await kind.Query(db).FirstOrDefaultAsync(r => r.Code == request.Code, ct);
        if (record is null) return Result<string>.NotFound($"No {kind.Name} with code '{request.Code}'.");
        if (request.ExpectedVersion is { } v) db.ExpectVersion(record, v);
        if (request.Cascade)
        {
            if (await RecordReferences.CascadeAsync(db, kind, record, ct) is { } refused)
            {
                db.DiscardChanges();
                return Result<string>.Conflict(refused);
            }
        }
        else if (await RecordReferences.RefusalAsync(db, kind, record.Code, ct) is { } refused)
            return Result<string>.Conflict(refused);
        else db.RemoveRecord(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException e)
        {
            db.DiscardChanges();
            return Result<string>.Conflict(e.Message);
        }
        return Result<string>.Ok(record.Code);
    }
}
