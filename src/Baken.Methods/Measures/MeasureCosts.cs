namespace Baken.Methods.Measures;

/// <summary>
/// What a measure costs, in euros of a constant price level: a one-off investment spent in the start year and a
/// yearly cost in every year of its lifetime (start year included). The measure is in force, and has its modelled
/// effect, in the calendar years <see cref="StartYear"/> … <see cref="LastYear"/>.
/// </summary>
public sealed record MeasureCosts
{
    /// <summary>Largest cost accepted per entry (10¹³ euros): keeps integer scaling in the portfolio solver far from overflow.</summary>
    public const double MaximumEuros = 1e13;

    /// <param name="oneOffEuros">One-off cost in euros, 0 … 10¹³.</param>
    /// <param name="yearlyEuros">Recurring cost per year in force in euros, 0 … 10¹³.</param>
    /// <param name="startYear">First calendar year in force, 1900 … 2200.</param>
    /// <param name="lifetimeYears">Number of years in force, 1 … 200.</param>
    public MeasureCosts(double oneOffEuros, double yearlyEuros, int startYear, int lifetimeYears)
    {
        CheckEuros(oneOffEuros, nameof(oneOffEuros));
        CheckEuros(yearlyEuros, nameof(yearlyEuros));
        if (startYear is < 1900 or > 2200)
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, $"startYear = {startYear} lies outside 1900 … 2200.");
        if (lifetimeYears is < 1 or > 200)
            throw new ArgumentOutOfRangeException(nameof(lifetimeYears), lifetimeYears, $"lifetimeYears = {lifetimeYears} lies outside 1 … 200: a measure is in force for at least one year.");
        OneOffEuros = oneOffEuros;
        YearlyEuros = yearlyEuros;
        StartYear = startYear;
        LifetimeYears = lifetimeYears;
    }

    public double OneOffEuros { get; }

    public double YearlyEuros { get; }

    public int StartYear { get; }

    public int LifetimeYears { get; }

    public int LastYear => StartYear + LifetimeYears - 1;

    public bool InForce(int year) => year >= StartYear && year <= LastYear;

    /// <summary>Cost booked in calendar <paramref name="year"/>, in euros (0 outside the lifetime).</summary>
    public double CostInYear(int year) =>
        !InForce(year) ? 0.0 : YearlyEuros + (year == StartYear ? OneOffEuros : 0.0);

    /// <summary>Undiscounted sum of the costs booked inside <paramref name="period"/>, in euros.</summary>
    public double NominalCost(AppraisalPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var total = 0.0;
        foreach (var year in period.Years) total += CostInYear(year);
        return total;
    }

    /// <summary>Present value of the costs booked inside <paramref name="period"/>, in euros (see <see cref="AppraisalPeriod"/> for the convention).</summary>
    public double PresentValueCost(AppraisalPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var total = 0.0;
        foreach (var year in period.Years) total += CostInYear(year) * period.DiscountFactor(year);
        return total;
    }

    private static void CheckEuros(double value, string parameterName)
    {
        MeasureGuard.NonNegative(value, parameterName, parameterName);
        if (value > MaximumEuros)
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} = {MeasureGuard.Format(value)} exceeds {MaximumEuros:E0} euros.");
    }
}
