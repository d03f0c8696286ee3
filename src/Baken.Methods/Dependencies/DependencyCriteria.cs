namespace Baken.Methods.Dependencies;

/// <summary>
/// Thresholds of a dependency test (METHODS.md §3). A product is dependent when supplier HHI &gt;
/// <see cref="SupplierHhiThreshold"/>, extra share &gt; <see cref="ExtraShareThreshold"/>, extra imports &gt;
/// <see cref="ImportExportRatioThreshold"/> × exports, and, if <see cref="RequireWorldExportConcentration"/>,
/// world-export HHI &gt; <see cref="WorldExportHhiThreshold"/>. Multi-year tests require the criteria in
/// some of a window of consecutive years (<see cref="Persistence"/>).
/// </summary>
public sealed record DependencyCriteria
{
    private readonly double supplierHhiThreshold = 0.4;
    private readonly double extraShareThreshold = 0.5;
    private readonly double importExportRatioThreshold = 1.0;
    private readonly double worldExportHhiThreshold = 0.4;
    private readonly DependencyYearWindow persistence = DependencyYearWindow.SingleYear;

    /// <summary>Supplier HHI threshold, in [0, 1]; default 0.4.</summary>
    public double SupplierHhiThreshold
    {
        get => supplierHhiThreshold;
        init => supplierHhiThreshold = InUnitInterval(value, nameof(SupplierHhiThreshold));
    }

    /// <summary>Extra-EU share of total imports threshold, in [0, 1]; default 0.5.</summary>
    public double ExtraShareThreshold
    {
        get => extraShareThreshold;
        init => extraShareThreshold = InUnitInterval(value, nameof(ExtraShareThreshold));
    }

    /// <summary>Extra imports must exceed this multiple of exports; finite, ≥ 0; default 1 (EU), 2 for MERICS.</summary>
    public double ImportExportRatioThreshold
    {
        get => importExportRatioThreshold;
        init => importExportRatioThreshold = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ImportExportRatioThreshold), value, "The import/export ratio threshold must be a finite number ≥ 0.");
    }

    /// <summary>Whether the world-export concentration criterion applies (GeoDep); default false (EU).</summary>
    public bool RequireWorldExportConcentration { get; init; }

    /// <summary>World-export HHI threshold, in [0, 1]; default 0.4.</summary>
    public double WorldExportHhiThreshold
    {
        get => worldExportHhiThreshold;
        init => worldExportHhiThreshold = InUnitInterval(value, nameof(WorldExportHhiThreshold));
    }

    /// <summary>How many years of a consecutive window the criteria must hold in; default one of one (single year).</summary>
    public DependencyYearWindow Persistence
    {
        get => persistence;
        init => persistence = value ?? throw new ArgumentNullException(nameof(Persistence));
    }

    /// <summary>The EU bottom-up test (Commission SWD(2021) 352): HHI &gt; 0.4, extra share &gt; 0.5, extra imports &gt; exports.</summary>
    public static DependencyCriteria EuBottomUp { get; } = new();

    /// <summary>CEPII GeoDep: the EU criteria plus world-export HHI &gt; 0.4, holding in 2 of 3 consecutive years.</summary>
    public static DependencyCriteria GeoDep { get; } = new() { RequireWorldExportConcentration = true, Persistence = new DependencyYearWindow(2, 3) };

    /// <summary>MERICS: the EU criteria with extra imports above twice the exports.</summary>
    public static DependencyCriteria Merics { get; } = new() { ImportExportRatioThreshold = 2.0 };

    private static double InUnitInterval(double value, string name) =>
        double.IsFinite(value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [0, 1].");
}

/// <summary>The criteria must hold in <see cref="YearsRequired"/> of <see cref="WindowYears"/> consecutive years.</summary>
public sealed record DependencyYearWindow
{
    /// <param name="yearsRequired">At least 1 and at most <paramref name="windowYears"/>.</param>
    /// <param name="windowYears">At least 1.</param>
    public DependencyYearWindow(int yearsRequired, int windowYears)
    {
        if (windowYears < 1)
            throw new ArgumentOutOfRangeException(nameof(windowYears), windowYears, "A year window holds at least one year.");
        if (yearsRequired < 1 || yearsRequired > windowYears)
            throw new ArgumentOutOfRangeException(nameof(yearsRequired), yearsRequired,
                $"The criteria must be required in 1 to {windowYears} years of a {windowYears}-year window.");
        YearsRequired = yearsRequired;
        WindowYears = windowYears;
    }

    public int YearsRequired { get; }

    public int WindowYears { get; }

    /// <summary>One year decides.</summary>
    public static DependencyYearWindow SingleYear { get; } = new(1, 1);
}

/// <summary>CBS concentration bands for the Netherlands.</summary>
public enum ConcentrationBand
{
    /// <summary>HHI below the moderate bound (default 0.15).</summary>
    Low,

    /// <summary>HHI from the moderate bound up to the high bound (default 0.15–0.25).</summary>
    Moderate,

    /// <summary>HHI at or above the high bound (default ≥ 0.25).</summary>
    High,
}

/// <summary>The CBS banding of supplier concentration: &lt; 0.15 low, 0.15–0.25 moderate, ≥ 0.25 high (bounds are settings).</summary>
public sealed record CbsConcentrationBands
{
    /// <param name="moderateFrom">Lower bound of "moderate", in [0, 1]; default 0.15.</param>
    /// <param name="highFrom">Lower bound of "high", in [moderateFrom, 1]; default 0.25.</param>
    public CbsConcentrationBands(double moderateFrom = 0.15, double highFrom = 0.25)
    {
        if (!double.IsFinite(moderateFrom) || moderateFrom is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(moderateFrom), moderateFrom, "The moderate band must start in [0, 1].");
        if (!double.IsFinite(highFrom) || highFrom < moderateFrom || highFrom > 1)
            throw new ArgumentOutOfRangeException(nameof(highFrom), highFrom, $"The high band must start in [{moderateFrom}, 1].");
        ModerateFrom = moderateFrom;
        HighFrom = highFrom;
    }

    public double ModerateFrom { get; }

    public double HighFrom { get; }

    public static CbsConcentrationBands Default { get; } = new();

    public ConcentrationBand Classify(double hhi)
    {
        if (!double.IsFinite(hhi) || hhi is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(hhi), hhi, "An HHI lies in [0, 1].");
        return hhi >= HighFrom ? ConcentrationBand.High : hhi >= ModerateFrom ? ConcentrationBand.Moderate : ConcentrationBand.Low;
    }
}
