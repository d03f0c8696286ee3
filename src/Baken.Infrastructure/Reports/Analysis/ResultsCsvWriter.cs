using System.Globalization;
using System.Text;
using Baken.Methods.Risk;
using CsvHelper;

namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>
/// Writes results.csv: one row per scenario in rank order, UTF-8 without byte order mark, "\n" line endings, numbers in
/// invariant culture as the shortest text that round-trips (22, 13.5). Columns, in this order:
/// scenario_id, scenario_title, theme, likelihood (class letter), impact_value (deterministic I(s)), impact_band, rank,
/// p05, p50, p95 (of I(s) over the Monte Carlo draws; empty without Monte Carlo), p_top5, p_top10, then kind,
/// classification_level, band_p05, band_p50, band_p95, likelihood_p05, likelihood_p95, median_rank, medal_rank,
/// evamix_rank, sensitivity_min_rank, sensitivity_max_rank, sensitivity_flag (true when a variant moves the scenario
/// more than two places), disagreement_share (share of criteria with analysts two or more classes apart),
/// criteria_two_or_more_apart (codes separated by ';'), likelihood_range (class steps), analysts, and one
/// consensus_&lt;code&gt; column per criterion. The output depends only on the result, so the same seed gives the same bytes.
/// Titles and themes that a spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe.
/// </summary>
public static class ResultsCsvWriter
{
    /// <summary>The first twelve columns, fixed by the contract.</summary>
    public static readonly IReadOnlyList<string> ContractColumns =
        ["scenario_id", "scenario_title", "theme", "likelihood", "impact_value", "impact_band", "rank", "p05", "p50", "p95", "p_top5", "p_top10"];

    public static void Write(AnalysisResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var options = CsvWriterOptions.Default with
        {
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = false,
        };
        using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        var header = ContractColumns.Concat(
        [
            "kind", "classification_level", "band_p05", "band_p50", "band_p95", "likelihood_p05", "likelihood_p95", "median_rank",
            "medal_rank", "evamix_rank", "sensitivity_min_rank", "sensitivity_max_rank", "sensitivity_flag",
            "disagreement_share", "criteria_two_or_more_apart", "likelihood_range", "analysts",
        ]).Concat(result.Criteria.Select(c => "consensus_" + c.Code)).ToArray();
        csv.WriteHeader(header);

        foreach (var s in result.Scenarios)
        {
            var mc = s.MonteCarlo;
            var fields = new List<string>
            {
                s.Id, SpreadsheetSafe(s.Title), SpreadsheetSafe(s.Theme), s.Likelihood.ToString(), Number(s.ImpactValue), s.ImpactBand.ToString(),
                Integer(s.Rank), Number(mc?.P05), Number(mc?.P50), Number(mc?.P95), Number(mc?.PTop5), Number(mc?.PTop10),
                s.Kind == RiskKind.Hazard ? "hazard" : "threat", Integer(s.ClassificationLevel),
                mc?.BandP05.ToString() ?? string.Empty, mc?.BandP50.ToString() ?? string.Empty, mc?.BandP95.ToString() ?? string.Empty,
                mc?.LikelihoodP05.ToString() ?? string.Empty, mc?.LikelihoodP95.ToString() ?? string.Empty, Number(mc?.MedianRank),
                Integer(s.MedalRank), Integer(s.EvamixRank), Integer(s.Sensitivity.MinRank), Integer(s.Sensitivity.MaxRank),
                s.Sensitivity.Flagged ? "true" : "false",
                Number(s.Disagreement.ShareOfCriteriaTwoOrMoreApart), string.Join(';', s.Disagreement.CriteriaTwoOrMoreApart),
                Integer(s.Disagreement.LikelihoodRangeInClasses), Integer(s.Disagreement.AnalystCount),
            };
            fields.AddRange(s.Criteria.Select(c => c.Consensus.ToString()));
            csv.WriteRecord(fields.ToArray());
        }
        csv.Flush();
    }

    /// <summary>The file's bytes (for tests and for storing a run).</summary>
    public static byte[] ToBytes(AnalysisResult result)
    {
        using var buffer = new MemoryStream();
        Write(result, buffer);
        return buffer.ToArray();
    }

    public static void WriteFile(AnalysisResult result, string path)
    {
        using var file = File.Create(path);
        Write(result, file);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string SpreadsheetSafe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
