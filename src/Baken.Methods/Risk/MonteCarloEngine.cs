using System.Runtime.CompilerServices;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.Statistics;

namespace Baken.Methods.Risk;

/// <summary>
/// The prepared, array-only form of an analysis for the Monte Carlo loop. Class distributions are stored as cumulative
/// thresholds on a 32-bit uniform: the class drawn is the number of thresholds the uniform reaches.
/// </summary>
internal sealed class MonteCarloModel
{
    public required int ScenarioCount { get; init; }
    public required int CriterionCount { get; init; }

    /// <summary>[(s·m + k)·5 + c]: P(class ≤ c) · 2³² for c = X..D of scenario s, criterion k; 2³² = unreachable.</summary>
    public required ulong[] CellThresholds { get; init; }

    /// <summary>[s·5 + c]: the same for the likelihood class of scenario s.</summary>
    public required ulong[] LikelihoodThresholds { get; init; }

    public required double[] LadderValues { get; init; }
    public required double[] BandThresholds { get; init; }

    /// <summary>The profile's weights as given (fixed-weight runs use them exactly as the deterministic I(s) does).</summary>
    public required double[] RawWeights { get; init; }

    /// <summary>Dirichlet parameters α·wᵢ, or null for fixed weights.</summary>
    public required double[]? DirichletAlphas { get; init; }

    public required double KeyScale { get; init; }

    /// <summary>Cumulative thresholds from class probabilities indexed X..E.</summary>
    public static void WriteThresholds(ReadOnlySpan<double> probabilities, Span<ulong> target)
    {
        const double TwoTo32 = 4294967296.0;
        double cumulative = 0;
        for (var c = 0; c < 5; c++)
        {
            cumulative += probabilities[c];
            var rest = 0.0;
            for (var h = c + 1; h < probabilities.Length; h++) rest += probabilities[h];
            // When no mass lies above class c the threshold must be unreachable, whatever the rounding of the sum.
            target[c] = rest <= 0 ? 1UL << 32 : (ulong)Math.Min(Math.Round(cumulative * TwoTo32), TwoTo32);
        }
    }
}

/// <summary>Raw counts and draws of a Monte Carlo run, indexed by scenario in the model's order.</summary>
internal sealed class MonteCarloOutput
{
    public required int Iterations { get; init; }
    public required double[][] Samples { get; init; }
    public required long[] BandCounts { get; init; }
    public required long[] LikelihoodCounts { get; init; }
    public required long[] RankCounts { get; init; }

    /// <summary>[i·n + j] for i &lt; j: iterations in which i ranked above j.</summary>
    public required long[] Wins { get; init; }
}

/// <summary>Every class and weight drawn in the first <see cref="Iterations"/> iterations of a run, in the model's scenario order.</summary>
/// <param name="Classes">[(i·n + s)·m + k]: the class index (0 = X … 5 = E) of criterion k of scenario s in iteration i.</param>
/// <param name="Likelihoods">[i·n + s]: the likelihood class index of scenario s in iteration i.</param>
/// <param name="Weights">[i·m + k]: the weight of criterion k in iteration i, normalised to sum 1.</param>
/// <param name="Samples">[s][i]: I(s), exactly as the run computes it.</param>
internal sealed record RecordedDraws(int Iterations, int ScenarioCount, int CriterionCount, byte[] Classes, byte[] Likelihoods, double[] Weights, double[][] Samples);

/// <summary>
/// The Monte Carlo loop (METHODS §1.5). Iterations are cut into fixed blocks of <see cref="BlockSize"/>; block b draws
/// from its own xoshiro256** stream seeded from (seed, b) through SplitMix64, so every draw depends only on the seed and
/// its iteration, never on which thread ran it. Counts are integers summed per worker (exact, order-free) and each
/// draw of I(s) is stored at its iteration's slot, so the output is identical for any number of threads.
/// Per iteration, every criterion of every scenario gets a class from the analysts' pooled distribution; the weights
/// come from a Dirichlet around the profile (or stay fixed); I(s) = Σ gᵢ·v(cᵢ) / Σ gᵢ; scenarios are ranked by
/// (I quantised, drawn likelihood, id) and the ranks update the rank counts and the pairwise outranking counts.
/// </summary>
internal static class MonteCarloEngine
{
    public const int BlockSize = 1024;

    public static MonteCarloOutput Run(MonteCarloModel model, int iterations, long seed, int? maxDegreeOfParallelism, IProgress<double>? progress = null)
    {
        var n = model.ScenarioCount;
        if ((long)n * iterations > AnalysisLimits.MaxStoredDraws)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations,
                string.Create(CultureInfo.InvariantCulture, $"{n} scenarios × {iterations} iterations exceeds the {AnalysisLimits.MaxStoredDraws:N0} draws kept in memory; lower the iteration count."));

        if (n > AnalysisLimits.MaxScenariosPerMonteCarlo)
            throw new ArgumentOutOfRangeException(nameof(model), n,
                string.Create(CultureInfo.InvariantCulture, $"The Monte Carlo ranks at most {AnalysisLimits.MaxScenariosPerMonteCarlo:N0} scenarios at once (its rank and outranking counts grow with the square); run without Monte Carlo (0 iterations) or split the register."));


        var samples = new double[n][];
        for (var s = 0; s < n; s++) samples[s] = new double[iterations];
        var total = new Totals(n);
        var blocks = (iterations + BlockSize - 1) / BlockSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        var gate = new object();
        var done = 0;

        Parallel.For(0, blocks, options,
            () => new Worker(n, model.CriterionCount),
            (block, _, worker) =>
            {
                var none = default(NoDrawSink);
                RunBlock(model, samples, worker, block, iterations, (ulong)seed, ref none);
                // Blocks finish in any order and reports can cross between threads: a listener keeps the highest fraction it has seen.
                if (progress is not null) progress.Report((double)Interlocked.Increment(ref done) / blocks);
                return worker;
            },
            worker =>
            {
                lock (gate) total.Add(worker);
            });

        return new MonteCarloOutput
        {
            Iterations = iterations,
            Samples = samples,
            BandCounts = total.BandCounts,
            LikelihoodCounts = total.LikelihoodCounts,
            RankCounts = total.RankCounts,
            Wins = total.Wins,
        };
    }

    /// <summary>
    /// The first <paramref name="iterations"/> iterations of the run with <paramref name="seed"/>, keeping every drawn class
    /// and weight: the same draws <see cref="Run"/> makes (its I(s) samples follow from them exactly), for calculations that
    /// need more than I(s), such as valuing measures on the risks' own draws.
    /// </summary>
    public static RecordedDraws Record(MonteCarloModel model, int iterations, long seed)
    {
        var n = model.ScenarioCount;
        var m = model.CriterionCount;
        if ((long)iterations * n * m > AnalysisLimits.MaxStoredDraws)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations,
                string.Create(CultureInfo.InvariantCulture, $"{n} scenarios × {m} criteria × {iterations} iterations exceeds the {AnalysisLimits.MaxStoredDraws:N0} classes kept in memory; lower the number of draws."));
        var samples = new double[n][];
        for (var s = 0; s < n; s++) samples[s] = new double[iterations];
        var sink = new RecordingSink(new byte[iterations * n * m], new byte[iterations * n], new double[iterations * m], n, m);
        var worker = new Worker(n, m);
        for (var block = 0; block * BlockSize < iterations; block++) RunBlock(model, samples, worker, block, iterations, (ulong)seed, ref sink);
        return new RecordedDraws(iterations, n, m, sink.Classes, sink.Likelihoods, sink.Weights, samples);
    }

    private static void RunBlock<TSink>(MonteCarloModel model, double[][] samples, Worker w, int block, int iterations, ulong seed, ref TSink sink)
        where TSink : struct, IDrawSink
    {
        var n = model.ScenarioCount;
        var m = model.CriterionCount;
        var rng = BlockRandom.ForBlock(seed, (ulong)block);
        var thresholds = model.CellThresholds;
        var likThresholds = model.LikelihoodThresholds;
        var ladder = model.LadderValues;
        double bt0 = model.BandThresholds[0], bt1 = model.BandThresholds[1], bt2 = model.BandThresholds[2], bt3 = model.BandThresholds[3];
        var weights = w.Weights;
        var keys = w.Keys;
        var keyScale = model.KeyScale;
        var fixedWeightSum = 0.0;
        foreach (var raw in model.RawWeights) fixedWeightSum += raw;

        var start = block * BlockSize;
        var end = Math.Min(start + BlockSize, iterations);
        for (var it = start; it < end; it++)
        {
            double weightSum;
            if (model.DirichletAlphas is { } alphas)
            {
                weightSum = DrawDirichlet(ref rng, alphas, weights);
            }
            else
            {
                model.RawWeights.CopyTo(weights, 0);
                weightSum = fixedWeightSum;
            }
            sink.WeightsDrawn(it, weights, weightSum);

            for (var s = 0; s < n; s++)
            {
                double numerator = 0;
                var cell = s * m * 5;
                for (var k = 0; k < m; k++, cell += 5)
                {
                    ulong u = rng.Next32();
                    var cls = (u >= thresholds[cell] ? 1 : 0) + (u >= thresholds[cell + 1] ? 1 : 0) + (u >= thresholds[cell + 2] ? 1 : 0)
                              + (u >= thresholds[cell + 3] ? 1 : 0) + (u >= thresholds[cell + 4] ? 1 : 0);
                    sink.Cell(it, s, k, cls);
                    numerator += weights[k] * ladder[cls];
                }
                var impact = numerator / weightSum;
                samples[s][it] = impact;

                var band = impact > 0 ? 1 + (impact >= bt0 ? 1 : 0) + (impact >= bt1 ? 1 : 0) + (impact >= bt2 ? 1 : 0) + (impact >= bt3 ? 1 : 0) : 0;
                w.BandCounts[s * 6 + band]++;

                ulong ul = rng.Next32();
                var lc = s * 5;
                var lik = (ul >= likThresholds[lc] ? 1 : 0) + (ul >= likThresholds[lc + 1] ? 1 : 0) + (ul >= likThresholds[lc + 2] ? 1 : 0)
                          + (ul >= likThresholds[lc + 3] ? 1 : 0) + (ul >= likThresholds[lc + 4] ? 1 : 0);
                w.LikelihoodCounts[s * 6 + lik]++;
                sink.Likelihood(it, s, lik);

                // Larger key = ranks higher: impact first, then likelihood, then the lower scenario index (ordinal id order).
                keys[s] = (ImpactKey.Quantise(impact, keyScale) << 19) | ((long)lik << 16) | (long)(AnalysisLimits.MaxScenariosPerInput - s);
            }

            RankAndCountWins(keys, w.Above, w.BlockWins, n, w.Stride);
            for (var s = 0; s < n; s++) w.RankCounts[s * n + w.Above[s]]++;
        }
        w.MoveBlockWins();
    }

    /// <summary>
    /// One pass over the pairs i &lt; j of distinct keys (larger key = ranks higher) that gives both the outranking counts
    /// and every rank, instead of a sort followed by a second pass over the pairs: wins[i·stride + j] += 1 where key i &gt;
    /// key j, and afterwards position[s] (0 = top) = the number of keys above key s.
    /// Position of i = #{j &gt; i above i} + #{j &lt; i above i}: the first is (n − 1 − i) minus the pairs i wins in its own
    /// row, the second is accumulated column-wise while the rows before i are compared (vectorised over j).
    /// The counts are 16-bit, sixteen pairs to a vector (the caller moves them into wide counts every block). Keys beyond
    /// n up to <paramref name="stride"/> hold <see cref="long.MaxValue"/>, which no key beats, so every row runs in whole
    /// vectors: a scalar tail would cost a mispredicted branch per pair, more than the vectors themselves.
    /// </summary>
    private static void RankAndCountWins(long[] keys, short[] position, short[] wins, int n, int stride)
    {
        Array.Clear(position);
        var width = Vector256<short>.Count;
        ref var keyRef = ref MemoryMarshal.GetArrayDataReference(keys);
        ref var winRef = ref MemoryMarshal.GetArrayDataReference(wins);
        ref var positionRef = ref MemoryMarshal.GetArrayDataReference(position);
        for (var i = 0; i < n; i++)
        {
            var ki = keys[i];
            var row = i * stride;
            var won = 0;
            var j = i + 1;
            if (Vector256.IsHardwareAccelerated)
            {
                var vki = Vector256.Create(ki);
                for (; j < n; j += width)
                {
                    // Four 4-lane 64-bit compares narrowed to one 16-lane mask of −1 (i above j) or 0.
                    var mask = Vector256.Narrow(
                        Vector256.Narrow(
                            Vector256.GreaterThan(vki, Vector256.LoadUnsafe(ref keyRef, (nuint)j)),
                            Vector256.GreaterThan(vki, Vector256.LoadUnsafe(ref keyRef, (nuint)(j + 4)))),
                        Vector256.Narrow(
                            Vector256.GreaterThan(vki, Vector256.LoadUnsafe(ref keyRef, (nuint)(j + 8))),
                            Vector256.GreaterThan(vki, Vector256.LoadUnsafe(ref keyRef, (nuint)(j + 12)))));
                    var winSlot = (nuint)(row + j);
                    (Vector256.LoadUnsafe(ref winRef, winSlot) - mask).StoreUnsafe(ref winRef, winSlot);
                    (Vector256.LoadUnsafe(ref positionRef, (nuint)j) - mask).StoreUnsafe(ref positionRef, (nuint)j);
                    won += BitOperations.PopCount(mask.ExtractMostSignificantBits());
                }
            }
            else
            {
                for (; j < n; j++)
                {
                    if (ki > keys[j])
                    {
                        wins[row + j]++;
                        position[j]++;
                        won++;
                    }
                }
            }
            position[i] += (short)(n - 1 - i - won);
        }
    }

    /// <summary>Gamma draws with shapes <paramref name="alphas"/>, normalised in log space so tiny shapes cannot underflow to all zeros.</summary>
    private static double DrawDirichlet(ref BlockRandom rng, double[] alphas, double[] target)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < alphas.Length; k++)
        {
            if (alphas[k] <= 0)
            {
                target[k] = double.NegativeInfinity;
                continue;
            }
            var logGamma = LogGamma(ref rng, alphas[k]);
            target[k] = logGamma;
            if (logGamma > max) max = logGamma;
        }
        double sum = 0;
        for (var k = 0; k < alphas.Length; k++)
        {
            target[k] = double.IsNegativeInfinity(target[k]) ? 0 : Math.Exp(target[k] - max);
            sum += target[k];
        }
        return sum;
    }

    /// <summary>log of a Gamma(shape, 1) draw: Marsaglia–Tsang (2000), with the U^(1/a) boost for shape &lt; 1.</summary>
    private static double LogGamma(ref BlockRandom rng, double shape)
    {
        if (shape < 1) return LogGamma(ref rng, shape + 1) + Math.Log(rng.NextDoubleOpen()) / shape;
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextStandardNormal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = rng.NextDoubleOpen();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
                return Math.Log(d * v);
        }
    }

    /// <summary>What the loop tells about each draw; a struct type argument, so the empty sink of <see cref="Run"/> costs nothing.</summary>
    private interface IDrawSink
    {
        void WeightsDrawn(int iteration, double[] weights, double weightSum);
        void Cell(int iteration, int scenario, int criterion, int cls);
        void Likelihood(int iteration, int scenario, int cls);
    }

    private struct NoDrawSink : IDrawSink
    {
        public readonly void WeightsDrawn(int iteration, double[] weights, double weightSum) { }
        public readonly void Cell(int iteration, int scenario, int criterion, int cls) { }
        public readonly void Likelihood(int iteration, int scenario, int cls) { }
    }

    private readonly struct RecordingSink(byte[] classes, byte[] likelihoods, double[] weights, int n, int m) : IDrawSink
    {
        public byte[] Classes { get; } = classes;
        public byte[] Likelihoods { get; } = likelihoods;
        public double[] Weights { get; } = weights;

        public void WeightsDrawn(int iteration, double[] drawn, double weightSum)
        {
            for (var k = 0; k < m; k++) Weights[iteration * m + k] = drawn[k] / weightSum;
        }

        public void Cell(int iteration, int scenario, int criterion, int cls) => Classes[(iteration * n + scenario) * m + criterion] = (byte)cls;
        public void Likelihood(int iteration, int scenario, int cls) => Likelihoods[iteration * n + scenario] = (byte)cls;
    }

    /// <summary>One thread's scratch arrays and counts; counts are summed into <see cref="Totals"/> at the end.</summary>
    private sealed class Worker(int n, int m)
    {
        public long[] BandCounts { get; } = new long[n * 6];
        public long[] LikelihoodCounts { get; } = new long[n * 6];
        public long[] RankCounts { get; } = new long[n * n];

        /// <summary>Row length of <see cref="BlockWins"/> and length of <see cref="Keys"/> and <see cref="Above"/>: n rounded
        /// up to whole vectors, plus one vector, since a row's last vector may start at n − 1.</summary>
        public int Stride { get; } = (n + 15) / 16 * 16 + 16;

        /// <summary>One block's outranking counts, [i·Stride + j]: 16-bit lanes make the vectorised count four times as
        /// wide as 64-bit ones, and a block of <see cref="BlockSize"/> iterations cannot overflow them.</summary>
        public short[] BlockWins { get; } = new short[n * ((n + 15) / 16 * 16 + 16)];

        /// <summary>The worker's outranking counts over all its blocks, [i·n + j].</summary>
        public long[] Wins { get; } = new long[n * n];

        public void MoveBlockWins()
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++) Wins[i * n + j] += BlockWins[i * Stride + j];
            }
            Array.Clear(BlockWins);
        }

        /// <summary>This iteration's ranking keys; the padding beyond n holds <see cref="long.MaxValue"/>, which no key beats.</summary>
        public long[] Keys { get; } = PaddedKeys(n);

        /// <summary>Each scenario's position in the current iteration, 0 = top.</summary>
        public short[] Above { get; } = new short[(n + 15) / 16 * 16 + 16];

        private static long[] PaddedKeys(int n)
        {
            var keys = new long[(n + 15) / 16 * 16 + 16];
            Array.Fill(keys, long.MaxValue, n, keys.Length - n);
            return keys;
        }
        public double[] Weights { get; } = new double[m];
    }

    private sealed class Totals(int n)
    {
        public long[] BandCounts { get; } = new long[n * 6];
        public long[] LikelihoodCounts { get; } = new long[n * 6];
        public long[] RankCounts { get; } = new long[n * n];
        public long[] Wins { get; } = new long[n * n];

        public void Add(Worker worker)
        {
            for (var i = 0; i < BandCounts.Length; i++) BandCounts[i] += worker.BandCounts[i];
            for (var i = 0; i < LikelihoodCounts.Length; i++) LikelihoodCounts[i] += worker.LikelihoodCounts[i];
            for (var i = 0; i < RankCounts.Length; i++) RankCounts[i] += worker.RankCounts[i];
            for (var i = 0; i < Wins.Length; i++) Wins[i] += worker.Wins[i];
        }
    }
}
