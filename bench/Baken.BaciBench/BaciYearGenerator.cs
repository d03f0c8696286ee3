using System.Buffers.Text;
using Baken.Methods.Dependencies;

namespace Baken.BaciBench;

/// <summary>
/// Writes a synthetic but BACI-shaped trade year (CSV t,i,j,k,v,q; v in thousand USD, q in tonnes or NA) that is the same
/// byte for byte for the same arguments: its own random generator (SplitMix64), invariant number formatting, no clock
/// (Math.Exp/Log/Pow come from the platform's maths library, so another OS or CPU may differ in a last digit; the SHA-256
/// recorded in docs/performance.md is for linux-x64).
/// Shape: 201 real BACI country codes (all EU-27 members) with a steep size ranking; 5,000 HS6 codes; per product a skewed
/// flow count, a product-specific exporter ranking (Zipf), and unique (exporter, importer) pairs. About 5 % of products get
/// one or two dominant non-EU suppliers and little EU production, so a few % come out as EU dependencies, as in the
/// Commission's own screen (137 of 5,200 products in SWD(2021) 352). World trade sums to about 20 trillion USD, as in a
/// recent BACI year.
/// </summary>
public static class BaciYearGenerator
{
    public const int ProductCount = 5_000;

    // Largest traders first (roughly BACI's ranking); the rest follow in code order. Historic aggregates (58, 200, 278,
    // 280, 530, 810, 891...) and the smallest territories are left out, as a current BACI year has no flows for them.
    private static readonly int[] Countries =
    [
        156, 842, 276, 528, 392, 410, 251, 381, 344, 826, 124, 484, 56, 699, 702, 757, 643, 724, 784, 682, 76, 764, 458,
        704, 36, 616, 360, 792, 40, 203, 752, 372,
        4, 8, 12, 20, 24, 28, 31, 32, 44, 48, 50, 51, 52, 60, 64, 68, 70, 72, 84, 90, 92, 96, 100, 104, 108, 112, 116, 120,
        132, 136, 140, 144, 148, 152, 170, 174, 178, 180, 188, 191, 192, 196, 204, 208, 212, 214, 218, 222, 226, 231, 232,
        233, 242, 246, 258, 262, 266, 268, 270, 275, 288, 292, 300, 304, 308, 320, 324, 328, 332, 340, 348, 352, 364, 368,
        376, 384, 388, 398, 400, 404, 408, 414, 417, 418, 422, 426, 428, 430, 434, 440, 442, 446, 450, 454, 462, 466, 470,
        478, 480, 496, 498, 499, 504, 508, 512, 516, 524, 531, 533, 534, 535, 540, 548, 554, 558, 562, 566, 579, 583, 586,
        591, 598, 600, 604, 608, 620, 624, 626, 634, 642, 646, 659, 662, 670, 674, 678, 686, 688, 690, 694, 703, 705, 706,
        710, 716, 728, 729, 740, 748, 760, 762, 768, 776, 780, 788, 795, 796, 800, 804, 807, 818, 834, 854, 858, 860, 862,
        882, 887, 894,
    ];

    /// <summary>Writes <paramref name="rows"/> flows of <paramref name="year"/> to <paramref name="path"/>.</summary>
    /// <param name="rows">Number of data rows, in [ProductCount, 100,000,000].</param>
    /// <param name="year">BACI year t, in [1995, 2100].</param>
    /// <param name="seed">Any value; the same seed gives the same file.</param>
    /// <param name="path">Output CSV file (overwritten).</param>
    /// <returns>Bytes written.</returns>
    public static long Write(long rows, int year, ulong seed, string path)
    {
        if (rows < ProductCount || rows > 100_000_000)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"Rows must lie in [{ProductCount}, 100,000,000].");
        if (year is < 1995 or > 2100)
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must lie in [1995, 2100].");

        var random = new SplitMix64(seed);
        var n = Countries.Length;
        var isEu = new bool[1000];
        foreach (var code in CountryGroup.Eu27.Members) isEu[code] = true;

        // Country size by rank (Zipf, exponent 1.1): the importer's pull and the exporter's base capacity.
        var size = new double[n];
        for (var c = 0; c < n; c++) size[c] = 1.0 / Math.Pow(c + 3, 1.1);
        // Flow counts follow the square root of size and values the other square root, so totals follow size.
        var importerCumulative = Cumulative(size.Select(Math.Sqrt).ToArray());

        var hs6 = ProductCodes(random);
        var flows = FlowCounts(random, rows, n * (n - 1));

        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var at = 0;
        "t,i,j,k,v,q\n"u8.CopyTo(buffer);
        at += 12;

        var exporterWeight = new double[n];
        var valueScale = new double[n];
        var pairs = new HashSet<int>();
        for (var p = 0; p < ProductCount; p++)
        {
            // A product-specific exporter ranking: each country's size, flattened a little, shaken by a lognormal factor.
            for (var c = 0; c < n; c++) exporterWeight[c] = Math.Pow(size[c], 0.8) * Math.Exp(0.8 * random.NextGaussian());
            var dominated = random.NextDouble() < 0.05;
            if (dominated)
            {
                var leaders = random.NextDouble() < 0.6 ? 1 : 2;
                for (var l = 0; l < leaders; l++)
                {
                    int leader;
                    do leader = random.NextInt(Math.Min(n, 60)); while (isEu[Countries[leader]]);
                    exporterWeight[leader] *= 400;
                }
                for (var c = 0; c < n; c++)
                    if (isEu[Countries[c]]) exporterWeight[c] *= 0.05;
            }
            // Capacity shows both as more destinations and as larger shipments (value ~ weight^0.5 per flow).
            for (var c = 0; c < n; c++)
            {
                valueScale[c] = Math.Sqrt(exporterWeight[c]);
                exporterWeight[c] = Math.Sqrt(exporterWeight[c]);
            }
            var exporterCumulative = Cumulative(exporterWeight);
            var productScale = Math.Exp(1.5 * random.NextGaussian()) * 5e3;
            var tonnesPerKusd = Math.Exp(2.0 * random.NextGaussian()) * 0.5;

            pairs.Clear();
            for (var f = 0; f < flows[p]; f++)
            {
                int exporter, importer, attempts = 0;
                do
                {
                    // Weighted draws favour pairs already taken; after a few misses a uniform draw ends the search
                    // quickly (a product uses at most a fifth of the pairs).
                    var weighted = attempts++ < 32;
                    exporter = weighted ? Pick(exporterCumulative, random.NextDouble()) : random.NextInt(n);
                    importer = weighted ? Pick(importerCumulative, random.NextDouble()) : random.NextInt(n);
                } while (exporter == importer || !pairs.Add(exporter * 1000 + importer));

                var value = productScale * valueScale[exporter] * Math.Sqrt(size[importer]) * Math.Exp(1.6 * random.NextGaussian());
                var thousandths = Math.Max(1L, (long)Math.Round(value * 1000));
                var quantity = random.NextDouble() < 0.03 ? -1L
                    : Math.Max(1L, (long)Math.Round(thousandths * tonnesPerKusd * Math.Exp(0.5 * random.NextGaussian())));

                if (buffer.Length - at < 128)
                {
                    output.Write(buffer, 0, at);
                    at = 0;
                }
                at += Format(buffer.AsSpan(at), year, Countries[exporter], Countries[importer], hs6[p], thousandths, quantity);
            }
        }
        output.Write(buffer, 0, at);
        output.Flush();
        return output.Length;
    }

    private static int Format(Span<byte> span, int year, int exporter, int importer, int hs6, long valueThousandths, long quantityThousandths)
    {
        var at = 0;
        at += Integer(span[at..], year);
        span[at++] = (byte)',';
        at += Integer(span[at..], exporter);
        span[at++] = (byte)',';
        at += Integer(span[at..], importer);
        span[at++] = (byte)',';
        at += Integer(span[at..], hs6);
        span[at++] = (byte)',';
        at += Decimal3(span[at..], valueThousandths);
        span[at++] = (byte)',';
        if (quantityThousandths < 0)
        {
            "NA"u8.CopyTo(span[at..]);
            at += 2;
        }
        else
        {
            at += Decimal3(span[at..], quantityThousandths);
        }
        span[at++] = (byte)'\n';
        return at;
    }

    private static int Integer(Span<byte> span, long value)
    {
        Utf8Formatter.TryFormat(value, span, out var written);
        return written;
    }

    // BACI writes values with three decimals and '.' whatever the locale.
    private static int Decimal3(Span<byte> span, long thousandths)
    {
        var at = Integer(span, thousandths / 1000);
        span[at++] = (byte)'.';
        Utf8Formatter.TryFormat(thousandths % 1000, span[at..], out var written, new System.Buffers.StandardFormat('D', 3));
        return at + written;
    }

    private static int[] ProductCodes(SplitMix64 random)
    {
        // Distinct HS6-like codes: chapter 01-97 (no 77), heading 01-60, subheading from BACI's usual set.
        int[] subheadings = [10, 11, 12, 19, 20, 21, 29, 30, 31, 39, 40, 41, 49, 50, 60, 70, 80, 90, 91, 99];
        var codes = new SortedSet<int>();
        while (codes.Count < ProductCount)
        {
            var chapter = 1 + random.NextInt(97);
            if (chapter == 77) continue;
            var heading = 1 + random.NextInt(60);
            codes.Add(chapter * 10_000 + heading * 100 + subheadings[random.NextInt(subheadings.Length)]);
        }
        // Shuffled so that the file is not sorted by product (BACI files are sorted, but a reader must not rely on it).
        var order = codes.ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static long[] FlowCounts(SplitMix64 random, long rows, int maxPerProduct)
    {
        // Lognormal popularity (a few products traded by nearly every pair, many by a few hundred), capped at the pairs
        // available, then scaled so the counts sum to exactly the rows asked for.
        var cap = Math.Min(maxPerProduct / 5, 8_000);
        var weight = new double[ProductCount];
        for (var p = 0; p < ProductCount; p++) weight[p] = Math.Exp(1.0 * random.NextGaussian());
        var sum = weight.Sum();
        var counts = new long[ProductCount];
        long total = 0;
        for (var p = 0; p < ProductCount; p++)
        {
            counts[p] = Math.Clamp((long)(rows * weight[p] / sum), 1, cap);
            total += counts[p];
        }
        for (var p = 0; total != rows; p = (p + 1) % ProductCount)
        {
            if (total < rows && counts[p] < cap) { counts[p]++; total++; }
            else if (total > rows && counts[p] > 1) { counts[p]--; total--; }
        }
        return counts;
    }

    private static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = sum += weights[i];
        for (var i = 0; i < weights.Length; i++) cumulative[i] /= sum;
        cumulative[^1] = 1.0;
        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u);
        return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
    }

    /// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014): tiny, fast, and fixed forever, unlike System.Random's algorithm.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong state = seed;
        private double spare = double.NaN;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform in [0, bound).</summary>
        public int NextInt(int bound) => (int)(NextDouble() * bound);

        /// <summary>Standard normal (Box–Muller, both values used).</summary>
        public double NextGaussian()
        {
            if (!double.IsNaN(spare))
            {
                var s = spare;
                spare = double.NaN;
                return s;
            }
            var u1 = 1.0 - NextDouble();
            var u2 = NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u1));
            spare = r * Math.Sin(2 * Math.PI * u2);
            return r * Math.Cos(2 * Math.PI * u2);
        }
    }
}
