using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>How the three threat sub-judgements combine into a suggested likelihood class.</summary>
public enum ThreatRuleKind
{
    /// <summary>
    /// The geometric mean of the class indices (A = 1 … E = 5) of intent, capability and vulnerability, rounded half up.
    /// Each factor pulls the result, so one weak factor lowers the class without vetoing it.
    /// </summary>
    GeometricMean,

    /// <summary>The lowest of the three: a threat is only as likely as its weakest link (intent, capability or vulnerability).</summary>
    Minimum,
}

/// <summary>The analyst's three sub-judgements for a malicious scenario, each a class A–E (METHODS §1.2).</summary>
public sealed record ThreatJudgement
{
    public ThreatJudgement(ImpactClass intent, ImpactClass capability, ImpactClass vulnerability)
    {
        Intent = Check(intent, nameof(intent));
        Capability = Check(capability, nameof(capability));
        Vulnerability = Check(vulnerability, nameof(vulnerability));
    }

    /// <summary>The actor's intent, A (no concrete indications, hardly conceivable) … E (concrete indications).</summary>
    public ImpactClass Intent { get; }

    /// <summary>The actor's capability, A–E.</summary>
    public ImpactClass Capability { get; }

    /// <summary>The target's vulnerability (the inverse of resilience), A–E.</summary>
    public ImpactClass Vulnerability { get; }

    private static ImpactClass Check(ImpactClass value, string name) =>
        value is >= ImpactClass.A and <= ImpactClass.E
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"The threat sub-judgement {name} is a class A–E (X is not allowed).");
}

/// <summary>
/// The configurable rule that suggests a likelihood class for a threat from intent, capability and vulnerability.
/// The rule is recorded with every analysis run; analysts may override its suggestion only with a reason.
/// </summary>
public sealed record ThreatLikelihoodRule(ThreatRuleKind Kind)
{
    /// <summary>Default: rounded geometric mean of the class indices.</summary>
    public static ThreatLikelihoodRule GeometricMean { get; } = new(ThreatRuleKind.GeometricMean);

    public static ThreatLikelihoodRule Minimum { get; } = new(ThreatRuleKind.Minimum);

    /// <summary>The suggested likelihood class (A–E) with the reasoning.</summary>
    public ScaleClassification Suggest(ThreatJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        int i = (int)judgement.Intent, c = (int)judgement.Capability, v = (int)judgement.Vulnerability;
        switch (Kind)
        {
            case ThreatRuleKind.GeometricMean:
                var mean = Math.Cbrt((double)i * c * v);
                // A tiny tolerance keeps exact cubes (e.g. 2·2·2) from falling a class through rounding error.
                var index = (int)Math.Floor(mean + 0.5 + 1e-9);
                var cls = (ImpactClass)Math.Clamp(index, 1, 5);
                return new ScaleClassification(cls,
                    $"intent {judgement.Intent}, capability {judgement.Capability}, vulnerability {judgement.Vulnerability}: geometric mean of indices ({i}·{c}·{v})^(1/3) = {mean.ToString("0.###", CultureInfo.InvariantCulture)} rounds to {cls}");
            case ThreatRuleKind.Minimum:
                var min = (ImpactClass)Math.Min(i, Math.Min(c, v));
                return new ScaleClassification(min,
                    $"intent {judgement.Intent}, capability {judgement.Capability}, vulnerability {judgement.Vulnerability}: the weakest factor gives {min}");
            default:
                throw new InvalidOperationException($"Unknown threat rule {Kind}.");
        }
    }
}
