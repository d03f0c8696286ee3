using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baken.Methods.Risk;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

/// <summary>
/// The Monte Carlo's whole output for fixed seeds — percentiles, band and likelihood classes, P(top 5/10), median rank, rank
/// and band distributions, the outranking matrix — hashed and held to the hashes the implementation of commit b6054f7 gave
/// (a sort per iteration and a second pass over the pairs), so a faster loop (issue 20, item 7) changes no result; the
/// 20,000-iteration case holds the hash of commit 3138199 (int counts, quickselect over every draw). 37
/// scenarios is not a multiple of any vector width, so the vector loops' remainders count too.
/// </summary>
public sealed class MonteCarloReferenceTests
{
    [Theory]
    [InlineData(37, 6, 3, 3000, 1, "17451B6A35CA19C6011537736AA22C9A8C5F7A5CF6158921B462C651DEBC7406")]
    [InlineData(37, 6, 3, 3000, 2, "17451B6A35CA19C6011537736AA22C9A8C5F7A5CF6158921B462C651DEBC7406")]
    [InlineData(200, 10, 5, 5000, 2, "41F7139AB7587EC13958DD5B4A0F04881F08347110D97F1AAF28D8C3C88DE02B")]
    // From 8,192 iterations the percentiles come from bracketed selection, and more than one block's 16-bit counts are summed.
    [InlineData(37, 6, 3, 20_000, 2, "DDC6717E4294D7C9E70B16055F6D7FE1F89F872F410E3B7B501F5055D4EC62C1")]
    public void Run_FixedSeed_SameOutputAsBeforeTheFasterLoop(int scenarios, int criteria, int analysts, int iterations, int threads, string expected)
    {
        var input = SyntheticAssessments.Generate(scenarios, criteria, analysts, 11);
        var settings = new AnalysisSettings(BuiltInProfiles.Create(input.Criteria)[0])
        {
            Iterations = iterations, Seed = 5, MaxDegreeOfParallelism = threads,
        };

        Hash(IntegratedAnalysis.Run(input, settings)).ShouldBe(expected);
    }

    private static string Hash(AnalysisResult result)
    {
        var text = new StringBuilder();
        foreach (var s in result.Scenarios)
        {
            var mc = s.MonteCarlo!;
            text.Append(CultureInfo.InvariantCulture, $"{s.Id};{mc.P05:R};{mc.P50:R};{mc.P95:R};{mc.Mean:R};{mc.BandP05};{mc.BandP50};{mc.BandP95};");
            text.Append(CultureInfo.InvariantCulture, $"{mc.LikelihoodP05};{mc.LikelihoodP50};{mc.LikelihoodP95};{mc.PTop5:R};{mc.PTop10:R};{mc.MedianRank:R};");
            text.AppendJoin(',', mc.RankDistribution.Select(p => p.ToString("R", CultureInfo.InvariantCulture))).Append(';');
            text.AppendJoin(',', mc.BandDistribution.Select(p => p.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }
        foreach (var row in result.Outranking)
            text.AppendJoin(',', row.Select(p => p.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
