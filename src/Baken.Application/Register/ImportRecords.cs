using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>One row of an import file: its line number (for messages) and its column values.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, string?> Values);

public sealed record ImportRecordsRequest(string Kind, IReadOnlyList<ImportRow> Rows);

public sealed record ImportSummary(string Kind, int Created, int Updated, int Unchanged);

/// <summary>
/// Imports rows of one kind: creates new codes and updates existing ones (so re-importing an edited file
/// never duplicates). Every row is validated first; if any row is bad, nothing is written and every bad
/// row is reported with its line, field, value and what is allowed.
/// </summary>
public sealed class ImportRecords(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<ImportSummary>> HandleAsync(ImportRecordsRequest request, CancellationToken ct = default)
    {
        if (RecordKinds.Find(request.Kind) is not { } kind)
            return Result<ImportSummary>.Invalid(new FieldError("kind", request.Kind, AllowedTexts.Kinds.With(RecordKinds.AllowedNames)));
        if (kind.ReadOnly)
            return Result<ImportSummary>.Forbidden(RegisterTexts.MadeByOwnCommand(kind));
        if (Permission.Deny<ImportSummary>(user, PermissionMatrix.SubjectOf(kind.Name) ?? kind.Name, PermissionAction.Import) is { } denied)
            return denied;

        var errors = new List<FieldError>();
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var writer = new RecordWriter(db, user, compartments);
        var existing = await kind.Query(db).ToDictionaryAsync(r => r.Code, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        // The codes the file creates may be referenced by other rows of the same file.
        foreach (var row in request.Rows)
            if (row.Values.TryGetValue("code", out var c) && RecordCode.IsValid(c)) writer.PendingCodes.Add((kind.Name, c!.Trim()));

        var created = 0; var updated = 0; var unchanged = 0;
        var toAdd = new List<Record>();
        var batch = new List<(int Line, Record Record)>();
        foreach (var row in request.Rows)
        {
            var code = row.Values.TryGetValue("code", out var rawCode) ? rawCode?.Trim() : null;
            if (!RecordCode.IsValid(code))
            {
                errors.Add(new FieldError("code", rawCode ?? "", RecordCode.Rule, row.Line));
                continue;
            }
            if (seen.TryGetValue(code!, out var firstLine))
            {
                errors.Add(new FieldError("code", code!, AllowedTexts.RegisterCodeOnLine.With(firstLine), row.Line));
                continue;
            }
            seen[code!] = row.Line;

            var isNew = !existing.TryGetValue(code!, out var record);
            if (isNew && await SaveRecord.CodeTakenAsync(db, kind, code!, ct))
            {
                errors.Add(new FieldError("code", code!, AllowedTexts.RegisterCodeNotAlreadyUse, row.Line));
                continue;
            }
            var before = record is null ? null : Snapshot(kind, record);
            record ??= kind.Create();
            if (isNew) record.Recode(code!);
            var rowErrors = await writer.ApplyAsync(kind, record, row.Values, isNew, row.Line, ct);
            errors.AddRange(rowErrors);
            if (rowErrors.Count > 0) continue;
            batch.Add((row.Line, record));
            if (isNew) { toAdd.Add(record); created++; }
            else if (before == Snapshot(kind, record)) unchanged++;
            else updated++;
        }

        // A file that touches anything the importer may not write is refused whole, naming each such line.
        if (writer.Refusals.Count > 0)
        {
            db.DiscardChanges();
            return Permission.Refused<ImportSummary>(writer.Refusals);
        }
        errors.AddRange(PointingUpWithinTheFile(kind, batch));
        if (errors.Count > 0)
        {
            db.DiscardChanges();
            return Result<ImportSummary>.Invalid(errors);
        }
        foreach (var r in toAdd) db.AddRecord(r);
        await db.SaveChangesAsync(ct);
        BakenTelemetry.RecordsImported(kind.Name, created + updated);
        return Result<ImportSummary>.Ok(new ImportSummary(kind.Name, created, updated, unchanged));
    }

    /// <summary>
    /// References between rows of the same file, which the writer could not check row by row (the target was not read
    /// yet): none may point at a row classified above the row that names it.
    /// </summary>
    private static IEnumerable<FieldError> PointingUpWithinTheFile(RecordKind kind, List<(int Line, Record Record)> batch)
    {
        var byCode = batch.ToDictionary(b => b.Record.Code, b => b.Record, StringComparer.Ordinal);
        foreach (var field in kind.Fields.Where(f => RecordKinds.Find(f.References)?.Name == kind.Name))
            foreach (var (line, record) in batch)
                foreach (var code in RecordFieldBuilder<Record>.SplitCodes(field.Get(record)))
                    if (byCode.TryGetValue(code, out var target) && !RecordReferences.MayBeNamedBy(target.Classification, record.Classification))
                        yield return new FieldError(field.Name, code, RecordReferences.NeverPointsUp(kind.Name), line);
    }

    private static string Snapshot(RecordKind kind, Record r) =>
        string.Join("\u001f", kind.Fields.Select(f => f.Get(r)).Append(r.ClassificationLevel.ToString())
            .Append(r.CompartmentMask.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(r.Provenance).Append(r.Publishable.ToString()));
}
