using System.Xml.Linq;
using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Security;

/// <summary>
/// The data-protection key ring in the register's database (table DataProtectionKeys), so a cookie or a form issued by one
/// node is read by every other. The key manager calls this rarely (at start and when a key is due, every 90 days) and
/// caches the ring itself. The ring is as sensitive as the database: whoever holds both can forge a session.
/// </summary>
public sealed class DatabaseKeyRepository(DatabaseOptions options, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = DatabaseSetup.CreateContext(options, FixedUser.System, clock);
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    /// <remarks>
    /// The first key is made at the first request that needs one (a sign-in form), often while that node or another
    /// process writes. SQLite answers a write inside a transaction that meets another writer with 'database is locked'
    /// at once rather than waiting, and the key manager then fails the request (a 500 on /signin, seen in CI); so the
    /// write is tried again a few times, for up to about three seconds. PostgreSQL waits for the lock itself.
    /// </remarks>
    public void StoreElement(XElement element, string friendlyName)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var db = DatabaseSetup.CreateContext(options, FixedUser.System, clock);
                db.DataProtectionKeys.Add(new StoredDataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
                db.SaveChanges();
                return;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && e.InnerException is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }
    }

    private const int MaxAttempts = 10;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
}
