using System.Globalization;
using Baken.Methods.Dependencies;
using DuckDB.NET.Data;

namespace Baken.BaciBench;

/// <summary>
/// The EU bottom-up screen as one DuckDB SQL query over the CSV, with Baken's definitions (TradeYearAccumulator):
/// the EU-27 (CountryGroup.Eu27, incl. BACI's 58 Belgium-Luxembourg) is one importer; total imports are all flows into a
/// member, intra-EU included; extra imports are those from a non-member; supplier HHI is Σ (extra imports of supplier /
/// extra imports)² over non-member suppliers with a positive value; exports are all flows out of a member, intra-EU
/// included (so "extra imports &gt; exports" also needs extra imports above intra-EU trade); products the EU does not
/// import (total imports 0) are left out; dependent = HHI &gt; 0.4 and extra share &gt; 0.5 and extra imports &gt; 1 × exports.
/// </summary>
public static class DuckDbScreen
{
    public static string Query(string csvPath, int year, DependencyCriteria criteria)
    {
        var eu = string.Join(", ", CountryGroup.Eu27.Members.Order().Select(c => c.ToString(CultureInfo.InvariantCulture)));
        string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var file = csvPath.Replace("'", "''", StringComparison.Ordinal);
        return $"""
            WITH flows AS (
                SELECT i, j, k, v
                FROM read_csv('{file}', header = true, delim = ',', quote = '"',
                              columns = {"{"}'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'VARCHAR'{"}"})
                WHERE t = {year}
            ),
            by_product AS (
                SELECT k,
                       sum(v) FILTER (WHERE j IN ({eu})) AS total_imports,
                       coalesce(sum(v) FILTER (WHERE i IN ({eu})), 0) AS exports
                FROM flows
                GROUP BY k
            ),
            extra_by_supplier AS (
                SELECT k, i, sum(v) AS v
                FROM flows
                WHERE j IN ({eu}) AND i NOT IN ({eu})
                GROUP BY k, i
                HAVING sum(v) > 0
            ),
            with_total AS (
                SELECT k, v, sum(v) OVER (PARTITION BY k) AS extra FROM extra_by_supplier
            ),
            concentration AS (
                SELECT k, any_value(extra) AS extra, sum((v / extra) * (v / extra)) AS hhi
                FROM with_total
                GROUP BY k
            )
            SELECT p.k AS hs6,
                   c.hhi AS supplier_hhi,
                   coalesce(c.extra, 0) / p.total_imports AS extra_share,
                   coalesce(c.extra, 0) AS extra_imports,
                   p.total_imports,
                   p.exports,
                   coalesce(c.hhi > {N(criteria.SupplierHhiThreshold)}
                            AND c.extra / p.total_imports > {N(criteria.ExtraShareThreshold)}
                            AND c.extra > {N(criteria.ImportExportRatioThreshold)} * p.exports, false) AS dependent
            FROM by_product p
            LEFT JOIN concentration c USING (k)
            WHERE p.total_imports > 0
            ORDER BY hs6
            """;
    }

    /// <summary>DuckDB's version and the number of threads it uses by default here (one per core).</summary>
    public static string Describe()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version(), current_setting('threads')";
        using var reader = command.ExecuteReader();
        reader.Read();
        return string.Create(CultureInfo.InvariantCulture, $"{reader.GetValue(0)}, {reader.GetValue(1)} threads");
    }

    /// <summary>Runs <see cref="Query"/> in an in-memory database and returns one row per product.</summary>
    public static List<ScreenRow> Run(string csvPath, int year, DependencyCriteria criteria)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Query(csvPath, year, criteria);
        using var reader = command.ExecuteReader();
        var rows = new List<ScreenRow>();
        while (reader.Read())
        {
            rows.Add(new ScreenRow(
                Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.GetDouble(2),
                reader.GetBoolean(6)));
        }
        return rows;
    }
}

/// <summary>What both engines report per product, for the comparison.</summary>
public sealed record ScreenRow(int Hs6, double? SupplierHhi, double ExtraShare, bool Dependent);
