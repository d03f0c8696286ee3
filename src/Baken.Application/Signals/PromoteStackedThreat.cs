using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <summary>Where a stacked-threat finding goes: onto a council's agenda, or into the register as a scenario to assess.</summary>
public enum PromoteTo { AgendaItem, Scenario }

/// <param name="Title">The new record's title, in the reader's language.</param>
/// <param name="Council">The council whose agenda takes the item (ignored for a scenario).</param>
/// <param name="Today">The day of the promotion: part of the new code; an agenda item is planned 30 days later.</param>
public sealed record PromoteStackedThreatRequest(MarkedFinding Finding, PromoteTo To, string Title, string? Council, DateOnly Today);

/// <summary>
/// Makes a stacked-threat finding into an agenda item (linked to its target where that is a record the reader sees) or a
/// scenario, marked at least as high as the finding: promotion never lowers a marking. The record is written by
/// <see cref="SaveRecord"/>, so who may add it, and every field check, are the register's.
/// </summary>
public sealed class PromoteStackedThreat(IBakenDb db, SaveRecord save)
{
    /// <summary>The councils the reader sees, by code: where an agenda item may go.</summary>
    public async Task<IReadOnlyList<string>> CouncilsAsync(CancellationToken ct = default) =>
        await db.Councils.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct);

    /// <summary>The new record's code: <c>ST-yyyyMMdd-n</c>, n from the finding's target.</summary>
    public static string CodeFor(string target, DateOnly today) =>
        $"ST-{today:yyyyMMdd}-{Math.Abs(StringComparer.Ordinal.GetHashCode(target)) % 100000}";

    public async Task<Result<RecordView>> HandleAsync(PromoteStackedThreatRequest request, CancellationToken ct = default)
    {
        var f = request.Finding.Finding;
        var marking = request.Finding.Marking;
        var classification = marking.Level.DisplayName();
        var compartments = string.Join(";", marking.Compartments);
        var code = CodeFor(f.Target, request.Today);
        if (request.To == PromoteTo.Scenario)
            return await save.HandleAsync(new SaveRecordRequest("scenario", code, new Dictionary<string, string?>
            {
                ["title"] = request.Title, ["kind"] = "threat", ["narrative"] = f.Explanation, ["classification"] = classification, ["compartments"] = compartments,
            }, SaveMode.Create), ct);
        var kind = f.Target[..f.Target.IndexOf(':')];
        var link = RecordKinds.AgendaLinkKinds.Contains(kind) && RecordKinds.Find(kind) is { } k
            && await k.Query(db).AnyAsync(r => r.Code == f.Target.Substring(kind.Length + 1), ct) ? f.Target : null;
        return await save.HandleAsync(new SaveRecordRequest("agenda-item", code, new Dictionary<string, string?>
        {
            ["title"] = request.Title, ["council"] = request.Council, ["summary"] = f.Explanation, ["links"] = link,
            ["planned_for"] = request.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["classification"] = classification, ["compartments"] = compartments,
        }, SaveMode.Create), ct);
    }
}
