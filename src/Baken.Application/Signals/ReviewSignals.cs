using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <summary>What a reviewer does with a queued signal (not the assessment cycle's <see cref="Domain.Workflow.ReviewDecision"/>, a different concept).</summary>
public enum SignalReviewDecision { Accept, Merge, Reject }

/// <summary>The review queue: new signals with their suggested duplicates; an analyst accepts, merges or rejects each.</summary>
public sealed class ReviewSignals(IBakenDb db, ICurrentUser user, SaveRecord save)
{
    public async Task<IReadOnlyList<Signal>> QueueAsync(int take = 200, CancellationToken ct = default)
    {
        var queue = await db.Signals.AsNoTracking().Where(s => s.Status == SignalStatus.New).OrderByDescending(s => s.Date).ThenBy(s => s.Code).Take(take).ToListAsync(ct);
        // A signal stored next to a higher one with the same code (SignalIntake.SiblingCode) is suggested as its
        // duplicate to a reviewer who may see both; others see only their own.
        var bases = queue.Where(s => s.DuplicateOf is null && SignalIntake.BaseOfSibling(s.Code) is not null)
            .Select(s => SignalIntake.BaseOfSibling(s.Code)!).Distinct().ToList();
        if (bases.Count > 0)
        {
            var seen = (await db.Signals.Where(s => bases.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct)).ToHashSet();
            foreach (var s in queue.Where(s => s.DuplicateOf is null && SignalIntake.BaseOfSibling(s.Code) is { } b && seen.Contains(b)))
                s.DuplicateOf = SignalIntake.BaseOfSibling(s.Code);
        }
        // A duplicate the reader may not see is named "withheld", never by its code (a reference never shows what is above the reader).
        var named = queue.Where(s => s.DuplicateOf is not null).Select(s => s.DuplicateOf!).Distinct().ToList();
        if (named.Count > 0)
        {
            var visible = (await db.Signals.Where(s => named.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var s in queue.Where(s => s.DuplicateOf is not null && !visible.Contains(s.DuplicateOf)))
                s.DuplicateOf = Register.RecordReferences.Withheld;
        }
        return queue;
    }

    /// <param name="into">For a merge: the signal this one duplicates (default: the suggested one).</param>
    public async Task<Result<RecordView>> DecideAsync(string code, SignalReviewDecision decision, string? into = null, CancellationToken ct = default)
    {
        // Asked first: a role that may not review learns nothing about which signals exist.
        if (Permissions.Permission.Deny<RecordView>(user, Permissions.PermissionMatrix.Signals, Permissions.PermissionAction.Edit) is { } denied)
            return denied;
        var signal = await db.Signals.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);
        if (signal is null) return Result<RecordView>.NotFound(AllowedTexts.SignalsNoSignal.With(code));
        var values = new Dictionary<string, string?>
        {
            ["status"] = decision switch { SignalReviewDecision.Accept => "accepted", SignalReviewDecision.Merge => "merged", _ => "rejected" },
        };
        if (decision == SignalReviewDecision.Merge)
        {
            var target = into ?? signal.DuplicateOf;
            if (target is null || target == code)
                return Result<RecordView>.Invalid([new FieldError("into", target ?? "", AllowedTexts.SignalsCodeAnotherSignalThis)]);
            values["duplicate_of"] = target;
        }
        return await save.HandleAsync(new SaveRecordRequest("signal", code, values, SaveMode.Update), ct);
    }
}
