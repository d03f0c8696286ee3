using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Security;

/// <summary>Reads the <see cref="AccessStamp"/>: one row by its key, once per authenticated request.</summary>
public static class AccessStampReader
{
    public static Task<Guid> ReadAsync(IBakenDb db, CancellationToken ct) =>
        db.AccessStamps.AsNoTracking().Where(a => a.Id == AccessStamp.SingleId).Select(a => a.Value).FirstOrDefaultAsync(ct);
}
