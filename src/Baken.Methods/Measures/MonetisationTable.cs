namespace Baken.Methods.Measures;

/// <summary>
/// The euro value of one unit of a criterion's quantity, e.g. criterion "2.1" (fatalities) at the value of a
/// statistical life, "2.2" per seriously injured person, "5.1" per person-day of disruption, "3.1" at 1 (already euros).
/// </summary>
/// <param name="CriterionCode">The impact criterion the rate prices.</param>
/// <param name="Unit">The unit of the quantity, for display ("death", "person-day").</param>
/// <param name="EurosPerUnit">Euros per unit, 0 … 10¹³.</param>
/// <param name="Indicative">True when the value could not be checked against an authoritative source; results built on it are flagged.</param>
/// <param name="Source">Where the value comes from (citation), shown with every result.</param>
public sealed record MonetisationRate(string CriterionCode, string Unit, double EurosPerUnit, bool Indicative, string Source)
{
    public string CriterionCode { get; } = MeasureGuard.Code(CriterionCode, nameof(CriterionCode), nameof(CriterionCode));

    public string Unit { get; } = string.IsNullOrWhiteSpace(Unit)
        ? throw new ArgumentException($"Unit of the monetisation rate for criterion '{CriterionCode}' is blank.", nameof(Unit))
        : Unit;

    public double EurosPerUnit { get; } = CheckEuros(EurosPerUnit, CriterionCode);

    public string Source { get; } = Source ?? "";

    private static double CheckEuros(double value, string criterion)
    {
        MeasureGuard.NonNegative(value, $"EurosPerUnit for criterion '{criterion}'", nameof(EurosPerUnit));
        if (value > MeasureCosts.MaximumEuros)
            throw new ArgumentOutOfRangeException(nameof(EurosPerUnit), value, $"EurosPerUnit for criterion '{criterion}' = {MeasureGuard.Format(value)} exceeds 1E+13 euros.");
        return value;
    }
}

/// <summary>
/// The monetisation table: at most one rate per criterion. A criterion without a rate is not monetised; results
/// then list it instead of silently counting it as zero. The table is configuration (editable, versioned), never a
/// constant in code.
/// </summary>
public sealed record MonetisationTable
{
    public MonetisationTable(IEnumerable<MonetisationRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var byCode = new Dictionary<string, MonetisationRate>(StringComparer.Ordinal);
        foreach (var rate in rates)
        {
            ArgumentNullException.ThrowIfNull(rate, nameof(rates));
            if (!byCode.TryAdd(rate.CriterionCode, rate))
                throw new ArgumentException($"Criterion '{rate.CriterionCode}' has two monetisation rates: give one rate per criterion.", nameof(rates));
        }
        Rates = byCode;
    }

    public IReadOnlyDictionary<string, MonetisationRate> Rates { get; }

    public MonetisationRate? RateFor(string criterionCode) => Rates.GetValueOrDefault(criterionCode);
}
