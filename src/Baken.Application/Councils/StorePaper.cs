using System.Globalization;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Councils;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Councils;

/// <param name="Classification">The paper's own classification; at most the uploader's clearance. Empty: the item's.</param>
public sealed record StorePaperRequest(string AgendaItemCode, string Title, string FileName, string? ContentType, byte[] Content,
    string? Classification = null, string? Compartments = null, string? Code = null);

public sealed record PaperView(string Code, string Title, string AgendaItem, string FileName, string ContentType, long Size, string Classification);

/// <summary>
/// Stores an uploaded paper for an agenda item with its own classification, and hands it out again only to readers
/// cleared for it. The content is kept in the database, so a backup of the database is a backup of the papers.
/// </summary>
public sealed class StorePaper(IBakenDb db, ICurrentUser user)
{
    public const int MaximumBytes = 20 * 1024 * 1024;

    public async Task<Result<PaperView>> HandleAsync(StorePaperRequest request, CancellationToken ct = default)
    {
        if (Permissions.Permission.Deny<PaperView>(user, Permissions.PermissionMatrix.Councils, Permissions.PermissionAction.Create) is { } denied)
            return denied;
        var errors = new List<FieldError>();
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == request.AgendaItemCode, ct);
        if (item is null) return Result<PaperView>.NotFound(AllowedTexts.CouncilsNoAgendaItem.With(request.AgendaItemCode));
        if (request.Content.Length == 0) errors.Add(new FieldError("file", request.FileName, AllowedTexts.CouncilsFileContent));
        if (request.Content.Length > MaximumBytes) errors.Add(new FieldError("file", string.Create(CultureInfo.InvariantCulture, $"{request.FileName} ({request.Content.Length:N0} bytes)"), AllowedTexts.CouncilsFileSize.With(MaximumBytes)));
        var fileName = Path.GetFileName(request.FileName.Replace('\\', '/'));
        if (fileName.Length is 0 or > 200 || fileName.Any(char.IsControl)) errors.Add(new FieldError("file_name", request.FileName, AllowedTexts.CouncilsFileName1200));
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > RecordFieldBuilder<Record>.MaxTextLength || request.Title.Any(c => char.IsControl(c)))
            errors.Add(new FieldError("title", request.Title, AllowedTexts.CouncilsRequiredTextMost400));

        var level = item.ClassificationLevel;
        if (!string.IsNullOrWhiteSpace(request.Classification) && !ClassificationLevels.TryParse(request.Classification, out level))
            errors.Add(new FieldError("classification", request.Classification, ClassificationLevels.Rule));
        var mask = item.CompartmentMask;
        if (!string.IsNullOrWhiteSpace(request.Compartments))
        {
            var compartments = await CompartmentDirectory.LoadAsync(db, ct);
            if (compartments.TryParse(request.Compartments, out var parsed, out var error)) mask = parsed;
            else errors.Add(error!);
        }
        var classification = new Classification(level, mask);
        if (errors.Count == 0 && !classification.IsVisibleTo(user.Clearance, user.CompartmentMask))
            errors.Add(new FieldError("classification", level.DisplayName(), AllowedTexts.Clearance.With(user.Clearance.DisplayName())));
        // A paper is never classified below the item it belongs to: its existence and title would otherwise reach readers of the lower level.
        if (errors.Count == 0 && (level < item.ClassificationLevel || (item.CompartmentMask & ~mask) != 0))
            errors.Add(new FieldError("classification", level.DisplayName(), AllowedTexts.CouncilsPaperLevel.With(item.ClassificationLevel.DisplayName())));
        if (errors.Count > 0) return Result<PaperView>.Invalid(errors);

        var code = request.Code;
        if (string.IsNullOrWhiteSpace(code))
        {
            // Papers are numbered among those of the same classification, which the uploader can all see: a number
            // that counted papers above them would tell them those exist. Papers classified above their agenda item
            // carry the level (and compartments) in their code, so the series never meet.
            var series = level == item.ClassificationLevel && mask == item.CompartmentMask ? item.Code
                : $"{item.Code}-L{(int)level}" + (mask == 0 ? "" : $"C{mask}");
            var n = await db.CouncilDocuments.CountAsync(d => d.AgendaItemCode == item.Code && d.ClassificationLevel == level && d.CompartmentMask == mask, ct);
            do code = $"{series}-P{++n}";
            while (await db.CouncilDocuments.IgnoreQueryFilters().AnyAsync(d => d.Code == code, ct));
        }
        try { code = RecordCode.Validate(code); }
        catch (DomainValidationException e) { return Result<PaperView>.Invalid([new FieldError("code", e.Value, e.Allowed)]); }
        if (await db.CouncilDocuments.IgnoreQueryFilters().AnyAsync(d => d.Code == code, ct))
            return Result<PaperView>.Conflict(AllowedTexts.CouncilsPaperExists.With(code));

        var paper = new CouncilDocument
        {
            Title = request.Title.Trim(), AgendaItemCode = item.Code, FileName = fileName,
            ContentType = string.IsNullOrWhiteSpace(request.ContentType) ? "application/octet-stream" : request.ContentType, Size = request.Content.Length,
            Content = request.Content,
        };
        paper.Recode(code);
        paper.Classify(classification);
        db.AddRecord(paper);
        await db.SaveChangesAsync(ct);
        return Result<PaperView>.Ok(View(paper));
    }

    /// <summary>The paper's content, if the reader may see it (the same answer for a paper that does not exist).</summary>
    public async Task<Result<CouncilDocument>> OpenAsync(string code, CancellationToken ct = default)
    {
        var paper = await db.CouncilDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        return paper is null ? Result<CouncilDocument>.NotFound(AllowedTexts.CouncilsNoPaper.With(code)) : Result<CouncilDocument>.Ok(paper);
    }

    public static PaperView View(CouncilDocument d) =>
        new(d.Code, d.Title, d.AgendaItemCode, d.FileName, d.ContentType, d.Size, d.ClassificationLevel.DisplayName());
}
