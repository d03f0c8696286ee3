using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <param name="Cascade">Also remove the references to it (and delete the records that cannot exist without it); without it,
/// a record that others refer to is not deleted.</param>
public sealed record DeleteRecordRequest(string Kind, string Code, int? ExpectedVersion = null, bool Cascade = false);

/// <summary>
/// Deletes a record. Its last version stays in the history, so nothing is lost. A record that others refer to is kept
/// (a conflict naming the kinds that refer to it) unless the caller asks for a cascade, which changes or deletes only
/// what the caller may change or delete.
/// </summary>
public sealed class DeleteRecord(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<string>> HandleAsync(DeleteRecordRequest request, CancellationToken ct = default)
    {
        if (RecordKinds.Find(request.Kind) is not { } kind)
            return Result<string>.Invalid(new FieldError("kind", request.Kind, AllowedTexts.Kinds.With(RecordKinds.AllowedNames)));
        if (kind.ReadOnly)
            return Result<string>.Forbidden(RegisterTexts.MadeByOwnCommand(kind));
        if (Permission.Deny<string>(user, PermissionMatrix.SubjectOf(kind.Name) ?? kind.Name, PermissionAction.Delete) is { } denied)
            return denied;
        var record = await kind.Query(db).FirstOrDefaultAsync(r => r.Code == request.Code, ct);
        if (record is null) return Result<string>.NotFound(RegisterTexts.NotFound(kind, request.Code));
        if (Permission.RefusalForKind(user, kind.Name, PermissionAction.Delete, await RecordOwner.OfAsync(db, record, ct)) is { } refusal)
            return Result<string>.Forbidden(refusal);
        if (request.ExpectedVersion is { } v) db.ExpectVersion(record, v);
        if (request.Cascade)
        {
            var cascade = await RecordReferences.CascadeAsync(db, kind, record, MayChangeAsync, ct);
            if (cascade.Forbidden is not null || cascade.Refused is not null)
            {
                db.DiscardChanges();
                return cascade.Forbidden is { } forbidden ? Result<string>.Forbidden(forbidden) : Result<string>.Conflict(cascade.Refused!);
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
            return Result<string>.Conflict(e.Text);
        }
        return Result<string>.Ok(record.Code);
    }

    /// <summary>The permission model's word on one record a cascade would delete or edit (null: allowed).</summary>
    private async Task<ValidationMessage?> MayChangeAsync(RecordKind kind, Domain.Record record, bool delete, CancellationToken ct) =>
        Permission.RefusalForKind(user, kind.Name, delete ? PermissionAction.Delete : PermissionAction.Edit, await RecordOwner.OfAsync(db, record, ct));
}
