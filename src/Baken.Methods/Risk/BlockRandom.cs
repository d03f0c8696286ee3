namespace Baken.Methods.Risk;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) as a mutable struct, so the Monte Carlo hot loop draws without virtual calls or
/// allocation. Each block's state comes from SplitMix64 applied to (seed, block index); the streams of different blocks
/// are therefore fixed by the seed alone. Written out here rather than taken from MathNet.Numerics because MathNet's
/// generators are classes behind <see cref="System.Random"/> (a virtual call per draw) and take an int seed.
/// </summary>
internal struct BlockRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private ulong _spare;
    private bool _hasSpare;

    public static BlockRandom ForBlock(ulong seed, ulong block)
    {
        var key = SplitMix(SplitMix(seed) ^ (block * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL));
        var r = new BlockRandom();
        var sm = key;
        r._s0 = SplitMixNext(ref sm);
        r._s1 = SplitMixNext(ref sm);
        r._s2 = SplitMixNext(ref sm);
        r._s3 = SplitMixNext(ref sm);
        return r;
    }

    public ulong Next()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform 32-bit value; two per 64-bit draw (both halves of xoshiro256** output are of full quality).</summary>
    public uint Next32()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return (uint)(_spare >> 32);
        }
        _spare = Next();
        _hasSpare = true;
        return (uint)_spare;
    }

    /// <summary>A uniform double in (0, 1].</summary>
    public double NextDoubleOpen() => ((Next() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>A standard normal draw (Marsaglia polar method).</summary>
    public double NextStandardNormal()
    {
        while (true)
        {
            var u = 2 * ((Next() >> 11) * (1.0 / 9007199254740992.0)) - 1;
            var v = 2 * ((Next() >> 11) * (1.0 / 9007199254740992.0)) - 1;
            var s = u * u + v * v;
            if (s > 0 && s < 1) return u * Math.Sqrt(-2 * Math.Log(s) / s);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong SplitMixNext(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
