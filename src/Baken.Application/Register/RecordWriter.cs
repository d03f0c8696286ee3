using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Domain;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>
/// Applies a set of column values to a record: parses every value, checks references and the writer's
/// clearance, and collects every problem instead of stopping at the first, so a user fixes a row in one go.
/// </summary>
public sealed class RecordWriter(IBakenDb db, ICurrentUser user, CompartmentDirectory compartments)
{
    /// <summary>Codes that the same batch creates, so rows of one import may refer to each other.</summary>
    public HashSet<(string Kind, string Code)> PendingCodes { get; } = [];

    /// <summary>
    /// Rows the user may not write (the permission model, docs/security.md), each with its line. The use case refuses the whole
    /// request as forbidden when there is any, so nothing is written.
    /// </summary>
    public List<FieldError> Refusals { get; } = [];

    /// <summary>The column that gives the reason for lowering a record's classification.</summary>
    public const string DeclassificationReason = "declassification_reason";

    private static readonly MessageTemplate ColumnRule = new("allowed.record.column", "a column of a {0}: {1}");
    private static readonly MessageTemplate ReasonRule = new("allowed.record.declassificationreason", "a reason for lowering the classification (at most 400 characters).");
    private static readonly MessageTemplate ReasonTextRule = new("allowed.record.declassificationreasontext", "a reason of at most 400 characters without control characters.");
    private static readonly MessageTemplate PublishableRule = new("allowed.record.publishable", "false for a record marked {0}: only Ongerubriceerd records without compartments are published.");

    public async Task<List<FieldError>> ApplyAsync(RecordKind kind, Record record, IReadOnlyDictionary<string, string?> values,
        bool isNew, int? line, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var statusGuard = Workflow.AssessmentStatuses.Guard(kind, record);
        // Who owned the record before this change: an edit must be allowed on the record as it was, not only as it becomes.
        var ownerBefore = isNew ? null : await RecordOwner.OfAsync(db, record, ct);
        if (ownerBefore is not null && Permission.RefusalForKind(user, kind.Name, PermissionAction.Edit, ownerBefore) is { } editRefusal)
        {
            Refusals.Add(new FieldError("code", record.Code, editRefusal, line));
            return errors;
        }
        foreach (var key in values.Keys)
        {
            if (RecordView.CommonColumns.Contains(key, StringComparer.OrdinalIgnoreCase) || kind.Field(key) is not null) continue;
            if (key is "version" or "title" or "updated_at" or "updated_by" or DeclassificationReason) continue; // read-only columns of an export; the reason of a lowering
            errors.Add(new FieldError(key, values[key] ?? "", ColumnRule.With(kind.Name, string.Join(", ", RecordView.CommonColumns.Concat(kind.Fields.Select(f => f.Name)))), line));
        }

        // Classification first: it decides whether this user may write the record at all.
        var before = record.Classification;
        var level = record.ClassificationLevel;
        var mask = record.CompartmentMask;
        if (Get(values, "classification") is { } levelText)
        {
            if (ClassificationLevels.TryParse(levelText, out var parsed)) level = parsed;
            else errors.Add(new FieldError("classification", levelText, ClassificationLevels.Rule, line));
        }
        if (Get(values, "compartments") is { } compartmentText)
        {
            if (compartments.TryParse(compartmentText, out var parsedMask, out var error)) mask = parsedMask;
            else errors.Add(error! with { Line = line });
        }
        var classification = new Classification(level, mask);
        if (!classification.IsVisibleTo(user.Clearance, user.CompartmentMask))
            errors.Add(new FieldError("classification", $"{level.DisplayName()} {string.Join(";", compartments.Names(mask))}".Trim(),
                AllowedTexts.Clearance.With(user.Clearance.DisplayName()), line));
        else if (!isNew && Lowers(record.Classification, classification))
        {
            // Declassification: only a Coordinator or the originating organisation, with a reason that the history keeps.
            if (Permission.RefusalForKind(user, kind.Name, PermissionAction.Declassify, ownerBefore!) is { } refusal)
                Refusals.Add(new FieldError("classification", level.DisplayName(), refusal, line));
            else if (Get(values, DeclassificationReason) is not { Length: > 0 } reason || string.IsNullOrWhiteSpace(reason))
                errors.Add(new FieldError(DeclassificationReason, "", ReasonRule, line));
            else if (reason.Length > RecordFieldBuilder<Record>.MaxTextLength || reason.Any(char.IsControl))
                errors.Add(new FieldError(DeclassificationReason, reason, ReasonTextRule, line));
            else
            {
                db.Annotate(record, $"declassified from {record.ClassificationLevel.DisplayName()}{Names(record.CompartmentMask & ~mask)}: {reason.Trim()}");
                record.Classify(classification);
            }
        }
        else
            record.Classify(classification);

        if (Get(values, "provenance") is { } provenance)
        {
            try { record.Provenance = RecordFieldBuilder<Record>.ParseText("provenance", provenance, false, RecordFieldBuilder<Record>.MaxTextLength, RecordFieldBuilder<Record>.ShortTextRule); }
            catch (DomainValidationException e) { errors.Add(FieldError.From(e, line)); }
        }
        if (Get(values, "publishable") is { } publishable)
        {
            try { record.Publishable = RecordFieldBuilder<Record>.ParseBool("publishable", publishable, RecordFieldBuilder<Record>.PlainBool); }
            catch (DomainValidationException e) { errors.Add(FieldError.From(e, line)); }
        }

        var named = new HashSet<RecordField>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in kind.Fields)
        {
            var present = TryGet(values, field.Name, out var value);
            // A form or file that shows a hidden reference as withheld gives it back as such: the hidden code stays.
            if (present && field.References is not null && !isNew && value?.Contains(RecordReferences.Withheld, StringComparison.Ordinal) == true)
                value = await KeepWithheldAsync(field, record, value, kept, ct);
            // An edit changes only what it names; a new record keeps defaults but must state required fields.
            if (!present && (!isNew || !field.Required || field.HasDefault)) continue;
            // An empty cell for a field with a default (a spreadsheet column left blank) keeps the value.
            if (present && string.IsNullOrWhiteSpace(value) && field.HasDefault) continue;
            try
            {
                field.Set(record, value);
            }
            catch (DomainValidationException e)
            {
                errors.Add(FieldError.From(e, line));
                continue;
            }
            if (field.References is not null && present && !string.IsNullOrWhiteSpace(value)) named.Add(field);
        }
        // References: each named code must exist for this user, and none may point at a record classified above this
        // one (its readers would see a code they may not read). A lowered classification is checked against every
        // reference; raising one never makes a reference point up.
        var reclassified = !isNew && !before.IsVisibleTo(record.ClassificationLevel, record.CompartmentMask);
        foreach (var field in kind.Fields.Where(f => f.References is not null))
        {
            var wasNamed = named.Contains(field);
            if (!wasNamed && !reclassified) continue;
            if (!wasNamed && errors.Any(e => e.Field == field.Name)) continue;
            var codes = field.ReferencesMany ? RecordFieldBuilder<Record>.SplitCodes(field.Get(record)).ToList() : field.Get(record) is { } one ? [one] : [];
            foreach (var code in codes.Where(c => !kept.Contains(c)))
            {
                var referent = await ReferentAsync(field.References!, code, ct);
                if (referent is null)
                {
                    // An earlier reference whose record is gone or hidden does not block a reclassification.
                    if (wasNamed) errors.Add(new FieldError(field.Name, code, RecordReferences.Existing(field.References!), line));
                }
                else if (!RecordReferences.MayBeNamedBy(referent.Value, record.Classification))
                    errors.Add(new FieldError(field.Name, code, RecordReferences.NeverPointsUp(field.References!), line));
            }
        }
        // Marked for the public only when the public may see it: Ongerubriceerd and in no compartment (issue 14).
        if (record.Publishable && (record.ClassificationLevel != ClassificationLevel.Ongerubriceerd || record.CompartmentMask != 0)
            && (Get(values, "publishable") is not null || Get(values, "classification") is not null || Get(values, "compartments") is not null))
            errors.Add(new FieldError("publishable", "true",
                PublishableRule.With(record.ClassificationLevel.DisplayName() + Names(record.CompartmentMask)), line));

        // The record as it would be saved must be one this user may write: an analyst's own assessment, an own organisation's measure.
        if (errors.Count == 0)
        {
            var ownerAfter = await RecordOwner.OfAsync(db, record, ct);
            if (Permission.RefusalForKind(user, kind.Name, isNew ? PermissionAction.Create : PermissionAction.Edit, ownerAfter) is { } refusal)
                Refusals.Add(new FieldError("code", record.Code, refusal, line));
            else if (record is Domain.Assessments.Assessment a && a.Analyst != user.UserName)
                db.Annotate(record, $"entered by {user.UserName} for {a.Analyst}");
        }

        if (errors.Count == 0 && kind.Check is { } check)
        {
            try { check(record); }
            catch (DomainValidationException e) { errors.Add(FieldError.From(e, line)); }
        }
        // Rules across records (a meeting's level against its invitees) see only what this user may see, so a
        // hidden record reads as unknown and its existence is not revealed.
        if (errors.Count == 0 && kind.Rules is { } rules)
            errors.AddRange((await rules(db, record, ct)).Select(e => e with { Line = line }));
        if (errors.Count == 0 && statusGuard?.Check() is { } statusError) errors.Add(statusError with { Line = line });
        return errors;
    }

    private static bool Lowers(Classification before, Classification after) =>
        after.Level < before.Level || (before.CompartmentMask & ~after.CompartmentMask) != 0;

    private string Names(long mask) => mask == 0 ? "" : " " + string.Join(";", compartments.Names(mask));

    /// <summary>The codes given, plus the codes the record already holds that this user may not see (shown as withheld).</summary>
    private async Task<string?> KeepWithheldAsync(RecordField field, Record record, string value, HashSet<string> kept, CancellationToken ct)
    {
        var given = RecordFieldBuilder<Record>.SplitCodes(value).Where(c => c != RecordReferences.Withheld).ToList();
        foreach (var code in RecordFieldBuilder<Record>.SplitCodes(field.Get(record)))
            if (await ReferentAsync(field.References!, code, ct) is null) { given.Add(code); kept.Add(code); }
        return given.Count == 0 ? null : field.ReferencesMany ? string.Join(";", given) : given[^1];
    }

    /// <summary>The classification of the referenced record as this user sees it; null when it does not exist for them.</summary>
    private async Task<Classification?> ReferentAsync(string kindName, string code, CancellationToken ct)
    {
        var kind = RecordKinds.Find(kindName)!;
        // A record the same import creates is checked when that row is applied; it counts as existing here.
        if (PendingCodes.Contains((kind.Name, code))) return Classification.Unclassified;
        var found = await kind.Query(db).Where(r => r.Code == code)
            .Select(r => new { r.ClassificationLevel, r.CompartmentMask }).FirstOrDefaultAsync(ct);
        return found is null ? null : new Classification(found.ClassificationLevel, found.CompartmentMask);
    }

    private static string? Get(IReadOnlyDictionary<string, string?> values, string key) =>
        TryGet(values, key, out var v) ? v : null;

    private static bool TryGet(IReadOnlyDictionary<string, string?> values, string key, out string? value)
    {
        foreach (var kv in values)
            if (string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)) { value = kv.Value; return true; }
        value = null;
        return false;
    }
}
