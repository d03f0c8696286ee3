namespace Baken.Methods.Measures;

/// <summary>When in the chain of events a measure acts (METHODS §5).</summary>
public enum MeasureKind
{
    /// <summary>Prevents the scenario or lowers its likelihood (GBVS: "voorkomen").</summary>
    Preventive,

    /// <summary>Prepares the response before the event (plans, stocks, exercises).</summary>
    Preparatory,

    /// <summary>Limits the damage after the event (response, repair, recovery).</summary>
    Reactive,
}

/// <summary>
/// What the analysis needs to know about a measure: its costs, its modelled effects per scenario, and which other
/// measures it requires (prerequisites) or excludes. The persisted measure (owner, pillar, status, evidence,
/// classification) lives in the domain model; this is its computational shape.
/// </summary>
public sealed record ModelledMeasure
{
    /// <param name="id">Unique id of the measure.</param>
    /// <param name="kind">Preventive, preparatory or reactive.</param>
    /// <param name="costs">Costs and the years in force.</param>
    /// <param name="effects">At most one effect per scenario.</param>
    /// <param name="requires">Ids of measures that must be taken too if this one is (A requires B).</param>
    /// <param name="excludes">Ids of measures that cannot be taken together with this one (symmetric in the portfolio).</param>
    public ModelledMeasure(
        string id,
        MeasureKind kind,
        MeasureCosts costs,
        IEnumerable<MeasureEffect> effects,
        IEnumerable<string>? requires = null,
        IEnumerable<string>? excludes = null)
    {
        Id = MeasureGuard.Code(id, nameof(id), nameof(id));
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind = {kind} of measure '{id}' is not Preventive, Preparatory or Reactive.");
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(effects);
        Kind = kind;
        Costs = costs;
        var list = new List<MeasureEffect>();
        foreach (var effect in effects)
        {
            ArgumentNullException.ThrowIfNull(effect, nameof(effects));
            if (list.Any(e => e.ScenarioId == effect.ScenarioId))
                throw new ArgumentException($"Measure '{id}' has two effects on scenario '{effect.ScenarioId}': give one effect per scenario.", nameof(effects));
            list.Add(effect);
        }
        Effects = list;
        Requires = MeasureGuard.Ids(requires, $"requires of measure '{id}'", nameof(requires));
        Excludes = MeasureGuard.Ids(excludes, $"excludes of measure '{id}'", nameof(excludes));
        if (Requires.Contains(id) || Excludes.Contains(id))
            throw new ArgumentException($"Measure '{id}' requires or excludes itself.", Requires.Contains(id) ? nameof(requires) : nameof(excludes));
        var both = Requires.Intersect(Excludes).FirstOrDefault();
        if (both is not null)
            throw new ArgumentException($"Measure '{id}' both requires and excludes '{both}': it could never be chosen.", nameof(excludes));
    }

    public string Id { get; }

    public MeasureKind Kind { get; }

    public MeasureCosts Costs { get; }

    public IReadOnlyList<MeasureEffect> Effects { get; }

    public IReadOnlyList<string> Requires { get; }

    public IReadOnlyList<string> Excludes { get; }

    public MeasureEffect? EffectOn(string scenarioId) => Effects.FirstOrDefault(e => e.ScenarioId == scenarioId);
}
