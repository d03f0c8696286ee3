namespace Baken.Methods.Risk;

/// <summary>
/// Safety (a non-malicious hazard: a probability exists) or security (a malicious threat: intent × capability ×
/// vulnerability); decides how likelihood is judged. The one enum for the concept: the register (Domain) stores it, the
/// analysis reads it. Stored as its number, so the order of the members is fixed.
/// </summary>
public enum RiskKind
{
    Hazard,
    Threat,
}

/// <summary>The analyst's strength of knowledge behind a score.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>An impact criterion as the analysis uses it: its code (e.g. "2.1") and the code of its national security interest (e.g. "2").</summary>
public sealed record Criterion
{
    public Criterion(string code, string interestCode)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new ArgumentException("A criterion code is required (e.g. \"2.1\").", nameof(code));
        if (string.IsNullOrWhiteSpace(interestCode)) throw new ArgumentException($"Criterion {code} needs the code of its national security interest.", nameof(interestCode));
        Code = code.Trim();
        InterestCode = interestCode.Trim();
    }

    public string Code { get; }
    public string InterestCode { get; }
}

/// <summary>
/// One analyst's likelihood judgement. Exactly one primary form applies:
/// a stated class or range (<see cref="Stated"/>), a probability over the analyst's horizon (<see cref="Probability"/>),
/// or — for threats — the three sub-judgements (<see cref="Threat"/>) from which the configured rule suggests a class.
/// A threat scored with sub-judgements AND a stated class or probability is an override of the rule's suggestion and
/// must carry <see cref="OverrideReason"/>.
/// </summary>
public sealed record LikelihoodJudgement
{
    public LikelihoodJudgement(ClassJudgement? stated = null, double? probability = null, ThreatJudgement? threat = null, string? overrideReason = null)
    {
        if (stated is null && probability is null && threat is null)
            throw new ArgumentException("A likelihood judgement needs a class, a probability or (for threats) intent, capability and vulnerability.", nameof(stated));
        if (stated is not null && probability is not null)
            throw new ArgumentException("Give the likelihood either as a class or as a probability, not both.", nameof(probability));
        if (stated is not null && stated.Low == ImpactClass.X)
            throw new ArgumentOutOfRangeException(nameof(stated), stated.ToString(), "A likelihood class is A–E; X (no impact) is not a likelihood.");
        if (probability is { } p && (!double.IsFinite(p) || p < 0 || p > 1))
            throw new ArgumentOutOfRangeException(nameof(probability), p, "A likelihood probability lies in [0, 1] (e.g. 0.02 for 2 %).");
        if (threat is not null && (stated is not null || probability is not null) && string.IsNullOrWhiteSpace(overrideReason))
            throw new ArgumentException("Overriding the class suggested from intent, capability and vulnerability needs a reason.", nameof(overrideReason));
        Stated = stated;
        Probability = probability;
        Threat = threat;
        OverrideReason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
    }

    public ClassJudgement? Stated { get; }

    /// <summary>Probability over the assessment's horizon, in [0, 1].</summary>
    public double? Probability { get; }

    public ThreatJudgement? Threat { get; }
    public string? OverrideReason { get; }

    public bool IsOverride => Threat is not null && (Stated is not null || Probability is not null);

    public static LikelihoodJudgement OfClass(ImpactClass value) => new(ClassJudgement.Of(value));
}

/// <summary>One analyst's scores for one scenario.</summary>
/// <param name="Analyst">Analyst identifier, unique within the scenario.</param>
/// <param name="Organisation">The analyst's organisation (e.g. "RIVM").</param>
/// <param name="Likelihood">The likelihood judgement.</param>
/// <param name="HorizonYears">Horizon the likelihood refers to, in years (&gt; 0).</param>
/// <param name="Impacts">A judgement for every criterion of the analysis, keyed by criterion code.</param>
/// <param name="Confidence">Strength of knowledge, or null when not stated.</param>
public sealed record AnalystAssessment(
    string Analyst,
    string Organisation,
    LikelihoodJudgement Likelihood,
    double HorizonYears,
    IReadOnlyDictionary<string, ClassJudgement> Impacts,
    Confidence? Confidence = null);

/// <summary>A scored scenario.</summary>
/// <param name="Id">Unique scenario id (ordinal comparison decides ties, see <see cref="IntegratedAnalysis"/>).</param>
/// <param name="ClassificationLevel">VIR-BI level 0 (Ongerubriceerd) … 4 (Stg. Zeer Geheim).</param>
public sealed record ScenarioInput(
    string Id,
    string Title,
    string Theme,
    RiskKind Kind,
    int ClassificationLevel,
    IReadOnlyList<AnalystAssessment> Assessments);

/// <summary>Everything an integrated analysis runs on: the criteria set of this edition and the scored scenarios.</summary>
public sealed record AnalysisInput(IReadOnlyList<Criterion> Criteria, IReadOnlyList<ScenarioInput> Scenarios);
