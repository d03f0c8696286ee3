namespace Baken.Methods.Dependencies;

/// <summary>Market concentration measures.</summary>
public static class Concentration
{
    /// <summary>
    /// Herfindahl–Hirschman index on shares: HHI = Σ s_c² with s_c = v_c / Σ v. Lies in [1/n, 1] for n
    /// positive values; 1 means one supplier.
    /// </summary>
    /// <param name="values">Non-negative, finite amounts (e.g. import values); at least one positive.</param>
    public static double Hhi(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values as IReadOnlyList<double> ?? values.ToArray();
        var total = 0.0;
        foreach (var v in list)
        {
            if (!double.IsFinite(v) || v < 0)
                throw new ArgumentException($"Value {v} cannot enter an HHI: values must be finite and ≥ 0.", nameof(values));
            total += v;
        }
        if (total <= 0)
            throw new ArgumentException("An HHI needs at least one positive value.", nameof(values));
        var hhi = 0.0;
        foreach (var v in list)
        {
            var share = v / total;
            hhi += share * share;
        }
        return hhi;
    }
}
