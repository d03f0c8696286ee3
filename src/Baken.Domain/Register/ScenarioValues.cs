using Baken.Methods.Cascades.Compound;

namespace Baken.Domain.Register;

/// <summary>
/// A scenario's initial disruption of a vital process: the process code, how long it is down in hours (more than 0, at
/// most a year) and the share of it that is lost (more than 0, at most 1).
/// </summary>
public sealed record ScenarioDisruption
{
    public const double MaxHours = 8760;

    public ScenarioDisruption(string process, double hours, double severity = 1)
    {
        Process = string.IsNullOrWhiteSpace(process) ? throw new ArgumentException("A disruption names the vital process it disrupts.", nameof(process)) : process.Trim();
        Hours = hours > 0 && hours <= MaxHours ? hours : throw new ArgumentOutOfRangeException(nameof(hours), hours, $"A disruption lasts more than 0 and at most {MaxHours} hours.");
        Severity = severity > 0 && severity <= 1 ? severity : throw new ArgumentOutOfRangeException(nameof(severity), severity, "A disruption's severity lies in (0, 1].");
    }

    /// <summary>Code of the disrupted vital process.</summary>
    public string Process { get; }
    public double Hours { get; }
    public double Severity { get; }
}

/// <summary>
/// The stated dependence between the parts of a compound scenario (METHODS §2): independent, or conditional with
/// P(S2 | S1), P(S3 | S1, S2), … — one probability in [0, 1] per part after the first.
/// </summary>
public sealed record CompoundDependence
{
    public CompoundDependence(DependenceKind kind, IReadOnlyList<double>? conditional = null)
    {
        var values = (conditional ?? []).ToArray();
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of dependence.");
        if (kind == DependenceKind.Independent && values.Length > 0)
            throw new ArgumentException("An independent dependence has no conditional probabilities.", nameof(conditional));
        if (kind == DependenceKind.Conditional && values.Length == 0)
            throw new ArgumentException("A conditional dependence needs at least P(S2 | S1).", nameof(conditional));
        if (values.Any(p => !(p >= 0 && p <= 1)))
            throw new ArgumentOutOfRangeException(nameof(conditional), "Conditional probabilities lie in [0, 1].");
        Kind = kind;
        Conditional = values;
    }

    public static CompoundDependence Independent { get; } = new(DependenceKind.Independent);

    public DependenceKind Kind { get; }

    /// <summary>For <see cref="DependenceKind.Conditional"/>: P(S_i | S_1 … S_{i−1}) for i = 2 … n; empty otherwise.</summary>
    public IReadOnlyList<double> Conditional { get; }

    /// <summary>The assumption the compound scoring uses.</summary>
    public DependenceAssumption ToAssumption() =>
        Kind == DependenceKind.Independent ? DependenceAssumption.Independent : DependenceAssumption.Conditional(Conditional);

    public bool Equals(CompoundDependence? other) =>
        other is not null && Kind == other.Kind && Conditional.SequenceEqual(other.Conditional);

    public override int GetHashCode() => Conditional.Aggregate(Kind.GetHashCode(), HashCode.Combine);
}
