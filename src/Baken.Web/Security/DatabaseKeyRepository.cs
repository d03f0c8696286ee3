using System.Xml.Linq;
using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;

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
    /// The first key is made at the first request that needs one (a sign-in form), often while that node or another process
    /// writes. On SQLite the database runs in WAL mode with a busy timeout (DatabaseSetup), so this write waits its turn
    /// instead of failing with 'database is locked' (which once gave a 500 on /signin in CI, and was retried here by hand);
    /// PostgreSQL waits for the lock itself.
    /// </remarks>
    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = DatabaseSetup.CreateContext(options, FixedUser.System, clock);
        db.DataProtectionKeys.Add(new StoredDataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
