using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

public enum SaveMode { Create, Update }

/// <param name="ExpectedVersion">The version the editor last saw; a newer version in the database is a conflict. Null skips the check (CLI edits).</param>
public sealed record SaveRecordRequest(string Kind, string Code, IReadOnlyDictionary<string, string?> Values, SaveMode Mode, int? ExpectedVersion = null);

/// <summary>Creates or edits one register record; every change is versioned and written to the history.</summary>
public sealed class SaveRecord(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<RecordView>> HandleAsync(SaveRecordRequest request, CancellationToken ct = default)
    {
        if (RecordKinds.Find(request.Kind) is not { } kind)
            return Result<RecordView>.Invalid(new FieldError("kind", request.Kind, AllowedTexts.Kinds.With(RecordKinds.AllowedNames)));
        if (kind.ReadOnly)
            return Result<RecordView>.Forbidden(RegisterTexts.MadeByOwnCommand(kind));
        // Asked before anything is looked up, so a role that may not write learns nothing about which codes exist.
        if (Permission.Deny<RecordView>(user, PermissionMatrix.SubjectOf(kind.Name) ?? kind.Name, request.Mode == SaveMode.Create ? PermissionAction.Create : PermissionAction.Edit) is { } denied)
            return denied;
        if (!RecordCode.IsValid(request.Code))
            return Result<RecordView>.Invalid(new FieldError("code", request.Code, RecordCode.Rule));
        var code = request.Code.Trim();

        var record = await kind.Query(db).FirstOrDefaultAsync(r => r.Code == code, ct);
        if (request.Mode == SaveMode.Update && record is null)
            return Result<RecordView>.NotFound(RegisterTexts.NotFound(kind, code));
        // A code taken by a record this user may not see gets the same answer as one taken by a record they see, so a
        // create cannot be used to find out which hidden codes exist.
        if (request.Mode == SaveMode.Create && (record is not null || await CodeTakenAsync(db, kind, code, ct)))
            return Result<RecordView>.Conflict(RegisterTexts.CodeInUse(kind, code));

        var isNew = record is null;
        record ??= kind.Create();
        if (isNew) record.Recode(code);
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var writer = new RecordWriter(db, user, compartments);
        var errors = await writer.ApplyAsync(kind, record, request.Values, isNew, null, ct);
        if (writer.Refusals.Count > 0)
        {
            db.DiscardChanges();
            return Permission.Refused<RecordView>(writer.Refusals);
        }
        if (errors.Count > 0)
        {
            db.DiscardChanges();
            return Result<RecordView>.Invalid(errors);
        }
        if (isNew) db.AddRecord(record);
        else if (request.ExpectedVersion is { } expected) db.ExpectVersion(record, expected);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException e)
        {
            db.DiscardChanges();
            var current = await kind.Query(db).AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
            return Result<RecordView>.Conflict(e.Text, current is null ? null : RecordView.From(kind, current, compartments));
        }
        return Result<RecordView>.Ok(RecordView.From(kind, record, compartments, await RecordReferences.MaskAsync(db, kind, [record], ct)));
    }

    /// <summary>True when any record of this kind, visible or not, already has the code (unique index).</summary>
    internal static Task<bool> CodeTakenAsync(IBakenDb db, RecordKind kind, string code, CancellationToken ct) =>
        kind.Query(db).IgnoreQueryFilters().AnyAsync(r => r.Code == code, ct);
}
