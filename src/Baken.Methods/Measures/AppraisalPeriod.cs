namespace Baken.Methods.Measures;

/// <summary>
/// The horizon and discount rate of a cost–benefit appraisal.
/// </summary>
/// <remarks>
/// Convention (end-of-year discounting): year 0 is <see cref="FirstYear"/>, the start year of the appraisal; every
/// cost and every benefit booked in year k — one-off investments included — is treated as paid at the end of that
/// year and multiplied by 1 / (1 + r)^(k + 1). Flows before <see cref="FirstYear"/> are sunk and flows after the
/// horizon are ignored. Amounts are in constant prices, so r is a real rate (the Dutch appraisal guidance uses a
/// real rate of a few per cent; the value is configuration, not a constant here).
/// </remarks>
public sealed record AppraisalPeriod
{
    /// <param name="firstYear">Calendar year 0 of the appraisal, 1900 … 2200.</param>
    /// <param name="horizonYears">Number of years appraised, 1 … 200.</param>
    /// <param name="discountRate">Real discount rate per year as a fraction, 0 ≤ r &lt; 1 (0.0225 = 2.25 %).</param>
    public AppraisalPeriod(int firstYear, int horizonYears, double discountRate)
    {
        if (firstYear is < 1900 or > 2200)
            throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear, $"firstYear = {firstYear} lies outside 1900 … 2200.");
        if (horizonYears is < 1 or > 200)
            throw new ArgumentOutOfRangeException(nameof(horizonYears), horizonYears, $"horizonYears = {horizonYears} lies outside 1 … 200.");
        MeasureGuard.Finite(discountRate, nameof(discountRate), nameof(discountRate));
        if (discountRate is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, $"discountRate = {MeasureGuard.Format(discountRate)} lies outside [0, 1): give it as a fraction per year (0.0225 = 2.25 %).");
        FirstYear = firstYear;
        HorizonYears = horizonYears;
        DiscountRate = discountRate;
    }

    public int FirstYear { get; }

    public int HorizonYears { get; }

    public double DiscountRate { get; }

    public int LastYear => FirstYear + HorizonYears - 1;

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, HorizonYears);

    /// <summary>1 / (1 + r)^(k + 1) for calendar <paramref name="year"/> = <see cref="FirstYear"/> + k inside the horizon; 0 outside it.</summary>
    public double DiscountFactor(int year) =>
        year < FirstYear || year > LastYear ? 0.0 : Math.Pow(1 + DiscountRate, -(year - FirstYear + 1));

    /// <summary>
    /// Present value, in euros, of the flows <paramref name="euroPerYear"/>(year) over the horizon.
    /// </summary>
    public double PresentValue(Func<int, double> euroPerYear)
    {
        ArgumentNullException.ThrowIfNull(euroPerYear);
        var total = 0.0;
        foreach (var year in Years) total += euroPerYear(year) * DiscountFactor(year);
        return total;
    }
}
