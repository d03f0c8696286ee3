using System.Linq.Expressions;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <summary>
/// Questions about a typed code list (<see cref="RecordField.IsCodeList"/>) that the database answers: EF Core translates
/// them to <c>json_each</c> on SQLite and to <c>= ANY</c>/<c>unnest</c> on PostgreSQL, so no table is loaded to be split.
/// </summary>
public static class CodeListQueries
{
    /// <summary>Records whose list <paramref name="property"/> holds exactly <paramref name="code"/>.</summary>
    public static Expression<Func<Record, bool>> Holds(string property, string code) =>
        r => EF.Property<List<string>>(r, property).Contains(code);

    /// <summary>
    /// Records whose list holds <paramref name="code"/> in any case, as a list filter compares (a user types "s-01" for "S-01").
    /// Lowered on both sides with the database's <c>lower</c>, which folds ASCII letters on SQLite: codes are ASCII.
    /// </summary>
    public static Expression<Func<Record, bool>> HoldsIgnoringCase(string property, string code)
    {
        var lowered = code.ToLowerInvariant();
        return r => EF.Property<List<string>>(r, property).Any(c => c.ToLower() == lowered);
    }
}
