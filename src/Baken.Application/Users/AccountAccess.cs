using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>
/// What a host reads to decide who is asking before any use case runs: the <see cref="AccessStamp"/> (one row, read on every
/// authenticated request, changed whenever an account or token changes anywhere) and the account behind a session, a single
/// sign-on or a queued job. Accounts are not records under the classification filter: knowing a name is not seeing a record.
/// </summary>
public sealed class AccountAccess(IBakenDb db)
{
    /// <summary>The current access stamp; <see cref="Guid.Empty"/> before the first change.</summary>
    public Task<Guid> StampAsync(CancellationToken ct = default) =>
        db.RememberedAsync("access-stamp", c => db.AccessStamps.AsNoTracking().Where(a => a.Id == AccessStamp.SingleId).Select(a => a.Value).FirstOrDefaultAsync(c), ct);

    /// <summary>The account with this user name as it is now, or null when there is none (deleted, or never added).</summary>
    public Task<User?> FindAsync(string userName, CancellationToken ct = default) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
}
