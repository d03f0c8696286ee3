using Baken.Application.Common;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>
/// References to records of several kinds, written "kind:code" and separated by ';' (e.g. "scenario:S-01;goal:GOAL-03"):
/// codes are unique per kind only, so a link names its kind.
/// </summary>
public static class QualifiedCodes
{
    public static IReadOnlyList<(string Kind, string Code)> Parse(string? text) =>
        RecordFieldBuilder<Record>.SplitCodes(text)
            .Select(part => part.IndexOf(':') is var i and > 0 ? (part[..i].Trim().ToLowerInvariant(), part[(i + 1)..].Trim()) : ("", part))
            .ToList();

    /// <summary>Every reference must name one of <paramref name="kinds"/> and an existing record the user may see.</summary>
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(IBakenDb db, string field, string? text, IReadOnlyList<string> kinds, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var allowed = AllowedTexts.RegisterQualifiedCodes.With(string.Join(", ", kinds));
        foreach (var (kindName, code) in Parse(text))
        {
            if (!kinds.Contains(kindName) || RecordKinds.Find(kindName) is not { } kind || code.Length == 0)
            {
                errors.Add(new FieldError(field, kindName.Length == 0 ? code : $"{kindName}:{code}", allowed));
                continue;
            }
            if (!await kind.Query(db).AnyAsync(r => r.Code == code, ct))
                errors.Add(new FieldError(field, $"{kindName}:{code}", RecordReferences.Existing(kindName)));
        }
        return errors;
    }

    /// <summary>
    /// A function that shows a "kind:code" list as the reader may see it: every link to a record they may not see (or that
    /// does not exist: the same answer) reads "kind:(withheld)", never its code.
    /// </summary>
    public static async Task<Func<string?, string?>> MaskAsync(IBakenDb db, IEnumerable<string?> texts, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var byKind in texts.SelectMany(Parse).Where(l => l.Kind.Length > 0).Distinct().GroupBy(l => l.Kind))
        {
            if (RecordKinds.Find(byKind.Key) is not { } kind) continue;
            seen.UnionWith((await kind.Query(db).WhereCodeIn(byKind.Select(l => l.Code)).Select(r => r.Code).ToListAsync(ct)).Select(c => byKind.Key + ":" + c));
        }
        return text => string.IsNullOrEmpty(text) ? text : string.Join(";", Parse(text)
            .Select(l => seen.Contains(l.Kind + ":" + l.Code) ? $"{l.Kind}:{l.Code}" : $"{l.Kind}:{RecordReferences.Withheld}").Distinct());
    }
}
