using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baken.Methods.Signals;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <summary>A signal as it arrives, from a file, a feed or a form.</summary>
public sealed record IncomingSignal(DateOnly Date, string Title, string? Summary, string? Source, string? Url, string? Reliability, string? Credibility,
    string? Classification, IReadOnlyList<string> Tags, string? ExternalId = null, int Line = 0);

public sealed record IntakeSummary(int Created, int AlreadyKnown, int SuggestedDuplicates, IReadOnlyList<string> Codes);

/// <summary>
/// Brings signals into the review queue: each gets a stable code from its feed id (or date, title and link), so taking
/// in the same file or feed again adds nothing; each is compared with the batch and with the signals of the weeks
/// around it, and a likely duplicate (same link, or nearly the same title within a few days) is marked for the analyst
/// to merge or reject. All or nothing: one invalid row and nothing is written.
/// </summary>
public sealed class SignalIntake(IBakenDb db, ImportRecords import)
{
    public async Task<Result<IntakeSummary>> HandleAsync(IReadOnlyList<IncomingSignal> incoming, string? feedCode = null, CancellationToken ct = default)
    {
        if (incoming.Count == 0) return Result<IntakeSummary>.Ok(new IntakeSummary(0, 0, 0, []));
        var coded = incoming.Select(s => (Signal: s, Code: CodeOf(s, feedCode))).ToList();
        // A signal whose code is taken by one the user cannot see is not dropped (that would tell them it exists, and
        // lose their report): it is stored next to it under a sibling code, which a reviewer cleared for both sees as
        // a likely duplicate. Taking the same file in again finds the sibling and adds nothing.
        var codes = coded.Select(c => c.Code).Distinct().ToList();
        var visible = (await db.Signals.Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var hidden = (await db.Signals.IgnoreQueryFilters().Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct))
            .Where(c => !visible.Contains(c)).ToHashSet();
        coded = coded.Select(c => hidden.Contains(c.Code) ? (c.Signal, SiblingCode(c.Code, c.Signal.Classification)) : c).ToList();
        codes = coded.Select(c => c.Code).Distinct().ToList();
        var known = (await db.Signals.IgnoreQueryFilters().Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var fresh = coded.Where(c => !known.Contains(c.Code)).DistinctBy(c => c.Code).ToList();
        if (fresh.Count == 0) return Result<IntakeSummary>.Ok(new IntakeSummary(0, coded.Count, 0, []));

        var from = fresh.Min(c => c.Signal.Date).AddDays(-14);
        var to = fresh.Max(c => c.Signal.Date).AddDays(14);
        var around = await db.Signals.AsNoTracking().Where(s => s.Date >= from && s.Date <= to && s.Status != SignalStatus.Rejected)
            .Select(s => new { s.Code, s.Date, s.Title, s.Summary, s.Url, s.Source }).ToListAsync(ct);
        var items = around.Select(s => new SignalItem(s.Code, s.Date, s.Title, s.Summary, s.Url, s.Source ?? "register", []))
            .Concat(fresh.Select(c => new SignalItem(c.Code, c.Signal.Date, c.Signal.Title, c.Signal.Summary, c.Signal.Url, c.Signal.Source ?? feedCode ?? "intake", [])))
            .ToList();
        var duplicateOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cluster in SignalDeduplication.Group(items))
        {
            // The earliest signal already in the register stays the original; otherwise the cluster's representative.
            var original = cluster.All.Where(i => around.Any(a => a.Code == i.Id)).OrderBy(i => i.Date).ThenBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault()
                           ?? cluster.Representative;
            foreach (var item in cluster.All.Where(i => i.Id != original.Id)) duplicateOf[item.Id] = original.Id;
        }

        var rows = fresh.Select(c => new ImportRow(c.Signal.Line, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = c.Code,
            ["classification"] = c.Signal.Classification ?? "Ongerubriceerd",
            ["date"] = c.Signal.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["title"] = Clip(c.Signal.Title, RecordFieldBuilder<Record>.MaxTextLength),
            ["summary"] = c.Signal.Summary is null ? null : Clip(c.Signal.Summary, RecordFieldBuilder<Record>.MaxLongTextLength),
            ["source"] = c.Signal.Source ?? feedCode,
            ["url"] = c.Signal.Url is null ? null : Clip(c.Signal.Url, RecordFieldBuilder<Record>.MaxTextLength),
            ["reliability"] = c.Signal.Reliability,
            ["credibility"] = c.Signal.Credibility,
            ["tags"] = c.Signal.Tags.Count == 0 ? null : string.Join(";", c.Signal.Tags),
            ["status"] = "new",
            ["duplicate_of"] = duplicateOf.GetValueOrDefault(c.Code),
            ["feed"] = feedCode,
            ["external_id"] = c.Signal.ExternalId is null ? null : Clip(c.Signal.ExternalId, RecordFieldBuilder<Record>.MaxTextLength),
        })).ToList();
        var result = await import.HandleAsync(new ImportRecordsRequest("signal", rows), ct);
        if (!result.IsOk) return Result<IntakeSummary>.Invalid(result.Errors);
        return Result<IntakeSummary>.Ok(new IntakeSummary(rows.Count, coded.Count - fresh.Count, rows.Count(r => r.Values["duplicate_of"] is not null),
            rows.Select(r => r.Values["code"]!).ToList()));
    }

    /// <summary>
    /// The code of a signal whose own code is taken by a signal above the reporter: the code and its level
    /// ("SIG-20261123-1a2b3c4d-L0"). Intake has no compartments, so a sibling is always visible to whoever may store it.
    /// </summary>
    public static string SiblingCode(string code, string? classification) =>
        $"{code}-L{(int)(Baken.Domain.Security.ClassificationLevels.TryParse(classification ?? "", out var l) ? l : Baken.Domain.Security.ClassificationLevel.Ongerubriceerd)}";

    /// <summary>The code a sibling code was made from, or null when <paramref name="code"/> is not one.</summary>
    public static string? BaseOfSibling(string code) =>
        code.Length > 3 && code[^3] == '-' && code[^2] == 'L' && char.IsAsciiDigit(code[^1]) && code.StartsWith("SIG-", StringComparison.Ordinal) ? code[..^3] : null;

    /// <summary>"SIG-20261123-1a2b3c4d": the date and a hash of the feed id, else of title and link.</summary>
    public static string CodeOf(IncomingSignal s, string? feedCode)
    {
        var key = s.ExternalId is { Length: > 0 } id ? $"{feedCode}|{id}" : $"{s.Date:yyyy-MM-dd}|{s.Title.Trim()}|{s.Url?.Trim()}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
        return $"SIG-{s.Date:yyyyMMdd}-{hash}";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
