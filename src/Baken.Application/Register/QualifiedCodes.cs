using Baken.Application.Common;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>
/// References to records of several kinds (<see cref="RecordLink"/>), written "kind:code" and separated by ';' in their
/// text form (e.g. "scenario:S-01;goal:GOAL-03"): codes are unique per kind only, so a link names its kind.
/// </summary>
public static class QualifiedCodes
{
    /// <summary>The links a text names, as written; a part without a kind has the kind "".</summary>
    public static IReadOnlyList<RecordLink> Parse(string? text) =>
        RecordFieldBuilder<Record>.SplitCodes(text)
            .Select(part => part.IndexOf(':') is var i and > 0 ? new RecordLink(part[..i].Trim().ToLowerInvariant(), part[(i + 1)..].Trim()) : new RecordLink("", part))
            .Distinct()
            .ToList();

    /// <summary>
    /// The text form read for a field: every part must be "kind:code" with a kind of <paramref name="kinds"/> and a code;
    /// otherwise a field error naming the part and what is allowed (nothing is dropped).
    /// </summary>
    public static IReadOnlyList<RecordLink> Read(string? text, string field, IReadOnlyList<string> kinds)
    {
        var links = Parse(text);
        foreach (var l in links)
            if (!kinds.Contains(l.Kind) || RecordKinds.Find(l.Kind) is null || l.Code.Length == 0)
                throw new DomainValidationException(field, l.Kind.Length == 0 ? l.Code : l.ToString(), Allowed(kinds));
        return links;
    }

    /// <summary>The text form: "kind:code" separated by ';'; null when there are none.</summary>
    public static string? Format(IReadOnlyList<RecordLink>? links) =>
        links is null || links.Count == 0 ? null : string.Join(";", links.Select(l => l.ToString()));

    private static ValidationMessage Allowed(IReadOnlyList<string> kinds) => AllowedTexts.RegisterQualifiedCodes.With(string.Join(", ", kinds));

    /// <summary>Every link must name one of <paramref name="kinds"/> and an existing record the user may see.</summary>
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(IBakenDb db, string field, IReadOnlyList<RecordLink> links, IReadOnlyList<string> kinds, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        foreach (var link in links)
        {
            if (!kinds.Contains(link.Kind) || RecordKinds.Find(link.Kind) is not { } kind || link.Code.Length == 0)
            {
                errors.Add(new FieldError(field, link.Kind.Length == 0 ? link.Code : link.ToString(), Allowed(kinds)));
                continue;
            }
            var code = link.Code;
            if (!await kind.Query(db).AnyAsync(r => r.Code == code, ct))
                errors.Add(new FieldError(field, link.ToString(), RecordReferences.Existing(link.Kind)));
        }
        return errors;
    }

    /// <summary>
    /// A function that shows a link as the reader may see it: a link to a record they may not see (or that does not
    /// exist: the same answer) becomes "kind:(withheld)", never its code.
    /// </summary>
    public static async Task<Func<RecordLink, RecordLink>> MaskAsync(IBakenDb db, IEnumerable<RecordLink> links, CancellationToken ct)
    {
        var seen = new HashSet<RecordLink>();
        foreach (var byKind in links.Where(l => l.Kind.Length > 0).Distinct().GroupBy(l => l.Kind))
        {
            if (RecordKinds.Find(byKind.Key) is not { } kind) continue;
            seen.UnionWith((await kind.Query(db).WhereCodeIn(byKind.Select(l => l.Code)).Select(r => r.Code).ToListAsync(ct)).Select(c => new RecordLink(byKind.Key, c)));
        }
        return link => seen.Contains(link) ? link : link with { Code = RecordReferences.Withheld };
    }
}
