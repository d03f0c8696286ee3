using System.Security.Cryptography;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Releases;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Releases;

/// <summary>A part of a rendered product with its text, so a refused release can name where the hit stands.</summary>
public sealed record ProductSection(string Name, string Text);

/// <param name="ProductKind">analysis, progress, agenda, minutes, summary or dependencies.</param>
/// <param name="Subject">The run or meeting the product is about (or the product kind).</param>
/// <param name="Classification">The product's high-water mark (level and compartments), as printed on it.</param>
/// <param name="Sections">The rendered text, section by section, as the reader will read it.</param>
public sealed record ReleaseRequest(
    string ProductKind,
    string Subject,
    string Title,
    Audience Audience,
    Classification Classification,
    string FileName,
    string ContentType,
    byte[] Content,
    IReadOnlyList<ProductSection> Sections);

/// <summary>
/// Releases a rendered product to an audience (issue 14): only a coordinator (or an administrator) may; the product's
/// marking must lie within the audience; the rendered text is checked against the codes and titles of every record the
/// audience may not see, and a hit refuses the release naming the section. The release record keeps the file, its
/// SHA-256, who and when; it is never changed, and releasing again makes the next version.
/// </summary>
public sealed class ReleaseProduct(IBakenDb db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Kinds whose records appear in products by code or title; these are what a release is checked against.</summary>
    private static readonly string[] CheckedKinds =
        ["risk", "scenario", "goal", "measure", "indicator", "meeting", "agenda-item", "decision", "action", "document", "dependency", "signal", "trend", "alert", "analysis-run"];

    /// <summary>Shorter titles ("Cyber") are words any text may hold; they are not evidence of a leak.</summary>
    private const int MinimumTitleLength = 8;

    /// <summary>Whether the matrix lets the user release (the analysis-runs subject holds release records): a Coordinator.</summary>
    public static bool MayRelease(ICurrentUser user) =>
        Permissions.Permission.MayAtAll(user, Permissions.PermissionMatrix.AnalysisRuns, Permissions.PermissionAction.Release);

    public async Task<Result<Release>> HandleAsync(ReleaseRequest request, CancellationToken ct = default)
    {
        // Asked of the permission matrix, like every other write: an administrator manages accounts, not products.
        if (Permissions.Permission.Deny<Release>(user, Permissions.PermissionMatrix.AnalysisRuns, Permissions.PermissionAction.Release) is { } denied)
            return denied;
        var audience = request.Audience;
        var directory = await CompartmentDirectory.LoadAsync(db, ct);
        if (!request.Classification.IsVisibleTo(audience.Level, audience.CompartmentMask))
            return Result<Release>.Invalid(new FieldError("audience", audience.Name,
                AllowedTexts.ReleasesAudienceCleared.With(directory.Marking(request.Classification).Text)));

        if (await FindWithheldAsync(request, ct) is { } hit)
            return Result<Release>.Invalid(new FieldError("section", hit.Section,
                AllowedTexts.ReleasesSectionWithheld.With(audience.Name, hit.Kind, hit.Code)));

        var previous = await db.Releases.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ProductKind == request.ProductKind && r.Subject == request.Subject && r.Audience == audience.Name)
            .Select(r => (int?)r.ReleaseNumber).MaxAsync(ct) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var release = new Release
        {
            ProductKind = request.ProductKind,
            Subject = request.Subject,
            Title = request.Title,
            Audience = audience.Name,
            ReleaseNumber = previous + 1,
            Marking = directory.Marking(request.Classification).Text,
            ReleasedBy = user.UserName,
            ReleasedAtUtc = now,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
            FileName = request.FileName,
            ContentType = request.ContentType,
            Size = request.Content.LongLength,
            Content = request.Content,
            // What is released to the public is what the Public role may read.
            Publishable = audience.IsPublic,
        };
        release.Recode(await FreeCodeAsync($"REL-{now:yyyyMMdd-HHmmss}", ct));
        release.Classify(request.Classification);
        db.AddRecord(release);
        await db.SaveChangesAsync(ct);
        SecurityEvents.Log.Released(user.UserName, request.ProductKind, audience.Name, request.Classification.Level.DisplayName(), release.Id);
        return Result<Release>.Ok(release);
    }

    private async Task<string> FreeCodeAsync(string code, CancellationToken ct)
    {
        var candidate = code;
        for (var n = 2; await db.Releases.IgnoreQueryFilters().AnyAsync(r => r.Code == candidate, ct); n++) candidate = $"{code}-{n}";
        return candidate;
    }

    private sealed record Hit(string Section, string Kind, string Code);

    /// <summary>The first section that holds the code or title of a record the caller sees but the audience may not.</summary>
    private async Task<Hit?> FindWithheldAsync(ReleaseRequest request, CancellationToken ct)
    {
        var audience = request.Audience;
        var level = audience.Level;
        var denied = ~audience.CompartmentMask;
        var publicOnly = audience.PublicOnly;
        foreach (var name in CheckedKinds)
        {
            var kind = RecordKinds.Find(name)!;
            var withheld = await kind.Query(db).AsNoTracking()
                .Where(r => r.ClassificationLevel > level || (r.CompartmentMask & denied) != 0 || (publicOnly && !r.Publishable))
                .ToListAsync(ct);
            foreach (var r in withheld)
            {
                var title = kind.Title(r);
                foreach (var section in request.Sections)
                {
                    if (ContainsCode(section.Text, r.Code) ||
                        (title.Length >= MinimumTitleLength && title != r.Code && section.Text.Contains(title, StringComparison.OrdinalIgnoreCase)))
                        return new Hit(section.Name, kind.Name, r.Code);
                }
            }
        }
        return null;
    }

    /// <summary>The code as a whole token: not part of a longer code (letters, digits, '-', '_' or an inner '.').</summary>
    internal static bool ContainsCode(string text, string code)
    {
        if (code.Length < 3 || !code.Any(char.IsLetter)) return false;
        for (var i = text.IndexOf(code, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(code, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = i + code.Length;
            var before = i == 0 || !IsCodeChar(text[i - 1]);
            var after = end == text.Length || !IsCodeChar(text[end]) || (text[end] == '.' && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1])));
            if (before && after) return true;
        }
        return false;
    }

    private static bool IsCodeChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';
}

/// <summary>The releases the caller may see (the Public role: those released to the public), newest first.</summary>
public sealed class ListReleases(IBakenDb db)
{
    public async Task<IReadOnlyList<Release>> HandleAsync(CancellationToken ct = default) =>
        (await db.Releases.AsNoTracking()
            .Select(r => new { r.Id, r.Code, r.ProductKind, r.Subject, r.Title, r.Audience, r.ReleaseNumber, r.Marking, r.ReleasedBy, r.ReleasedAtUtc, r.Sha256, r.FileName, r.ContentType, r.Size, r.ClassificationLevel, r.CompartmentMask, r.Publishable })
            .ToListAsync(ct))
        .OrderByDescending(r => r.ReleasedAtUtc).ThenByDescending(r => r.Code, StringComparer.Ordinal)
        .Select(r =>
        {
            var release = new Release
            {
                Id = r.Id, ProductKind = r.ProductKind, Subject = r.Subject, Title = r.Title, Audience = r.Audience, ReleaseNumber = r.ReleaseNumber,
                Marking = r.Marking, ReleasedBy = r.ReleasedBy, ReleasedAtUtc = r.ReleasedAtUtc, Sha256 = r.Sha256, FileName = r.FileName,
                ContentType = r.ContentType, Size = r.Size, Publishable = r.Publishable,
            };
            release.Recode(r.Code);
            release.Classify(new Classification(r.ClassificationLevel, r.CompartmentMask));
            return release;
        }).ToList();

    /// <summary>One release with its file; not found when it does not exist or the caller may not see it.</summary>
    public async Task<Result<Release>> GetAsync(string code, CancellationToken ct = default) =>
        await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) is { } r
            ? Result<Release>.Ok(r)
            : Result<Release>.NotFound(AllowedTexts.ReleasesNoRelease.With(code));
}
