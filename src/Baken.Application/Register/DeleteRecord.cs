using Baken.Application.Common;
using Baken.Application.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

public sealed record DeleteRecordRequest(string Kind, string Code, int? ExpectedVersion = null);

/// <summary>Deletes a record. Its last version stays in the history, so nothing is lost.</summary>
public sealed class DeleteRecord(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<string>> HandleAsync(DeleteRecordRequest request, CancellationToken ct = default)
    {
        if (RecordKinds.Find(request.Kind) is not { } kind)
            return Result<string>.Invalid(new FieldError("kind", request.Kind, RecordKinds.AllowedNames));
        if (kind.ReadOnly)
            return Result<string>.Forbidden($"{kind.DisplayEn} are made by their own command, not edited in the register.");
        if (Permission.Deny<string>(user, PermissionMatrix.SubjectOf(kind.Name) ?? kind.Name, PermissionAction.Delete) is { } denied)
            return denied;
        var record = await kind.Query(db).FirstOrDefaultAsync(r => r.Code == request.Code, ct);
        if (record is null) return Result<string>.NotFound($"No {kind.Name} with code '{request.Code}'.");
        if (Permission.RefusalForKind(user, kind.Name, PermissionAction.Delete, await RecordOwner.OfAsync(db, record, ct)) is { } refusal)
            return Result<string>.Forbidden(refusal);
        if (request.ExpectedVersion is { } v) db.ExpectVersion(record, v);
        db.RemoveRecord(record);
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
