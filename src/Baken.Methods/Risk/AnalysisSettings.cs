using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>
/// Settings of one integrated analysis run; all of them are echoed in the result so the run can be repeated exactly.
/// Values are checked when set.
/// </summary>
public sealed record AnalysisSettings
{
    private readonly PreferenceProfile _profile;
    private readonly double _factor = 3;
    private readonly int _iterations = 10_000;
    private readonly double? _concentration;
    private readonly int? _maxDegreeOfParallelism;
    private readonly IReadOnlyList<double> _sensitivityFactors = [3, 10];

    /// <param name="profile">The preference profile (weights per criterion).</param>
    public AnalysisSettings(PreferenceProfile profile)
    {
        _profile = profile ?? throw new ArgumentNullException(nameof(profile), "An analysis needs a preference profile.");
    }

    public PreferenceProfile Profile
    {
        get => _profile;
        init => _profile = value ?? throw new ArgumentNullException(nameof(Profile), "An analysis needs a preference profile.");
    }

    /// <summary>Ladder factor f in (1, 100]; default 3.</summary>
    public double Factor
    {
        get => _factor;
        init => _factor = double.IsFinite(value) && value > 1 && value <= 100
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Factor), value, "The ladder factor f lies in (1, 100]; the method uses 3.");
    }

    /// <summary>Monte Carlo iterations, 0 (no Monte Carlo) … 10,000,000; default 10,000.</summary>
    public int Iterations
    {
        get => _iterations;
        init => _iterations = value is >= 0 and <= 10_000_000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Iterations), value, "Monte Carlo iterations lie in 0 … 10,000,000.");
    }

    /// <summary>Seed of the Monte Carlo run; the same seed gives the same result on any number of threads.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Concentration α of the Dirichlet around the profile's weights (each weight wᵢ gets parameter α·wᵢ): larger is
    /// tighter. Null or +∞ keeps the weights fixed. Must be &gt; 0.
    /// </summary>
    public double? DirichletConcentration
    {
        get => _concentration;
        init => _concentration = value is null || double.IsPositiveInfinity(value.Value) ? null
            : double.IsFinite(value.Value) && value.Value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(DirichletConcentration), value, "The Dirichlet concentration is a number > 0, or null/∞ for fixed weights.");
    }

    public BandRounding BandRounding { get; init; } = BandRounding.Floor;

    public LikelihoodScale LikelihoodScale { get; init; } = LikelihoodScale.Default;

    public ThreatLikelihoodRule ThreatRule { get; init; } = ThreatLikelihoodRule.GeometricMean;

    /// <summary>Profiles compared in the sensitivity analysis; null = the five built-in profiles built from the criteria.</summary>
    public IReadOnlyList<PreferenceProfile>? SensitivityProfiles { get; init; }

    /// <summary>Ladder factors compared in the sensitivity analysis; default 3 and 10; each in (1, 100].</summary>
    public IReadOnlyList<double> SensitivityFactors
    {
        get => _sensitivityFactors;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(SensitivityFactors));
            foreach (var f in value)
            {
                if (!double.IsFinite(f) || f <= 1 || f > 100)
                    throw new ArgumentOutOfRangeException(nameof(SensitivityFactors), f, "Each sensitivity factor lies in (1, 100].");
            }
            _sensitivityFactors = value.ToArray();
        }
    }

    /// <summary>Worker threads for the Monte Carlo (null = all cores). Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "Use at least 1 thread, or null for all cores.");
    }

    /// <summary>Version of the code that ran the analysis, recorded with the result (free text, e.g. a git hash).</summary>
    public string? CodeVersion { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"profile {Profile.Name}, f = {Factor}, {Iterations} iterations, seed {Seed}, Dirichlet {(DirichletConcentration?.ToString(CultureInfo.InvariantCulture) ?? "fixed")}, bands {BandRounding}, threat rule {ThreatRule.Kind}");
}
