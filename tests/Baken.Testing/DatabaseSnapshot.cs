using System.Text;
using Baken.Application.Common;
using Baken.Application.Register;
using Microsoft.EntityFrameworkCore;

namespace Baken.Testing;

/// <summary>
/// Everything a write can change, read without any filter: every record of every kind (code, version, marking), the whole
/// history, every account and every API token. Two equal snapshots mean nothing was written in between; the permission
/// sweeps compare one taken before a refused action with one taken after.
/// </summary>
public static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        var text = new StringBuilder();
        foreach (var kind in RecordKinds.All)
        {
            var rows = await kind.Query(db).IgnoreQueryFilters().AsNoTracking()
                .Select(r => new { r.Code, r.Version, r.ClassificationLevel, r.CompartmentMask, r.Publishable }).ToListAsync();
            text.Append(kind.Name).Append(": ");
            foreach (var r in rows.OrderBy(r => r.Code, StringComparer.Ordinal))
                text.Append(r.Code).Append('@').Append(r.Version).Append('/').Append((int)r.ClassificationLevel).Append('/').Append(r.CompartmentMask)
                    .Append(r.Publishable ? "p" : "").Append(' ');
            text.AppendLine();
        }
        var history = await db.History.IgnoreQueryFilters().AsNoTracking().CountAsync();
        text.Append("history: ").Append(history).AppendLine();
        foreach (var u in (await db.Users.AsNoTracking().ToListAsync()).OrderBy(u => u.UserName, StringComparer.Ordinal))
            text.Append("user ").Append(u.UserName).Append(' ').Append((int)u.Clearance).Append('/').Append(u.CompartmentMask).Append(' ').Append(string.Join(";", u.Roles))
                .Append(' ').Append(u.OrganisationCode).Append(' ').Append(u.PasswordHash?.GetHashCode() ?? 0).Append(' ').Append(u.LockedUntilUtc?.Ticks ?? 0)
                .Append(u.MustChangePassword ? " must-change" : "").AppendLine();
        foreach (var t in (await db.ApiTokens.AsNoTracking().ToListAsync()).OrderBy(t => t.Id))
            text.Append("token ").Append(t.Id).Append(' ').Append(t.RevokedAtUtc is null ? "live" : "revoked").AppendLine();
        return text.ToString();
    }
}
