using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>Finding records by a list of codes with a statement whose text does not depend on the list.</summary>
public static class CodeFilter
{
    /// <summary>
    /// The records whose code is one of <paramref name="codes"/>. The codes go to the database as one array parameter (a JSON
    /// array read with <c>json_each</c> on SQLite, which still probes the code's index; an array compared with <c>= ANY</c> on
    /// PostgreSQL), so the SQL is the same for any list: EF Core translates it once and PostgreSQL prepares it once per
    /// connection. With EF Core 10's default, a parameter per code, the SQL was generated again on most calls, under a lock
    /// that concurrent requests queued on: about 8 % of a register request's time in a profile under load
    /// (docs/performance.md, issue 19). One parameter has no limit, so no list has to be cut into chunks either.
    /// </summary>
    public static IQueryable<T> WhereCodeIn<T>(this IQueryable<T> query, IEnumerable<string> codes) where T : Record
    {
        var list = codes as string[] ?? codes.ToArray();
        return query.Where(r => EF.Parameter(list).Contains(r.Code));
    }
}
