namespace Baken.Methods.CountryRisk;

/// <summary>
/// The INFORM Risk model trees of the releases Baken ships (EU JRC / IASC INFORM; METHODS §4).
/// The trees differ between releases: 2020 added Epidemic to the Natural hazards.
/// </summary>
/// <remarks>
/// Structure and aggregations follow the JRC concept and methodology as summarised in METHODS §4. The Human
/// hazard rule (current highly violent conflict intensity, else 0.7 × projected conflict risk, taken as a
/// weighted maximum) could not be checked against the JRC text here; it is inferred from the published
/// releases, where it reproduces every country's Human score in both the 2016 and 2020 files within the
/// one-decimal rounding (0.05).
/// </remarks>
public static class InformModels
{
    /// <summary>The INFORM 2016 release (30 published scores below the index).</summary>
    public static InformModel Release2016 { get; } = Build("INFORM 2016", includeEpidemic: false);

    /// <summary>The INFORM Global Risk Index 2020 (v0.4.0): as 2016 plus the Epidemic natural hazard.</summary>
    public static InformModel Release2020 { get; } = Build("INFORM 2020 (GRI v0.4.0)", includeEpidemic: true);

    /// <summary>The releases Baken ships, oldest first.</summary>
    public static IReadOnlyList<InformModel> All { get; } = [Release2016, Release2020];

    private static InformModel Build(string release, bool includeEpidemic)
    {
        const InformLevel Cmp = InformLevel.Component;
        const InformLevel Cat = InformLevel.Category;
        const InformLevel Dim = InformLevel.Dimension;
        const InformAggregation Rgm = InformAggregation.ReversedGeometricMean;

        var naturalHazards = new List<InformNode>
        {
            InformNode.Leaf("earthquake", "Earthquake", Cmp),
            InformNode.Leaf("flood", "Flood", Cmp),
            InformNode.Leaf("tsunami", "Tsunami", Cmp),
            InformNode.Leaf("tropical_cyclone", "Tropical Cyclone", Cmp),
            InformNode.Leaf("drought", "Drought", Cmp),
        };
        if (includeEpidemic) naturalHazards.Add(InformNode.Leaf("epidemic", "Epidemic", Cmp));

        var natural = InformNode.Aggregate("natural", "Natural", Cat, Rgm, naturalHazards);
        var human = InformNode.Aggregate(
            "human", "Human", Cat, InformAggregation.WeightedMaximum,
            [
                InformNode.Leaf("projected_conflict_risk", "Projected Conflict Risk", Cmp, "Projected Conflict Intensity"),
                InformNode.Leaf("current_conflict_intensity", "Current Highly Violent Conflict Intensity", Cmp, "Current Conflict Intensity"),
            ],
            weights: [0.7, 1.0]);
        var hazardExposure = InformNode.Aggregate("hazard_exposure", "Hazard & Exposure", Dim, Rgm, [natural, human], null, "HAZARD & EXPOSURE", "Hazard and Exposure");

        var socioEconomic = InformNode.Aggregate(
            "socio_economic_vulnerability", "Socio-Economic Vulnerability", Cat, InformAggregation.WeightedArithmeticMean,
            [
                InformNode.Leaf("development_deprivation", "Development & Deprivation", Cmp, "Development and Deprivation"),
                InformNode.Leaf("inequality", "Inequality", Cmp),
                InformNode.Leaf("aid_dependency", "Aid Dependency", Cmp, "Economic Dependency"),
            ],
            weights: [0.5, 0.25, 0.25]);
        var otherVulnerableGroups = InformNode.Aggregate(
            "other_vulnerable_groups", "Other Vulnerable Groups", Cmp, Rgm,
            [
                InformNode.Leaf("health_conditions", "Health Conditions", InformLevel.SubComponent),
                InformNode.Leaf("children_u5", "Children U5", InformLevel.SubComponent, "Children under 5"),
                InformNode.Leaf("recent_shocks", "Recent Shocks", InformLevel.SubComponent),
                InformNode.Leaf("food_security", "Food Security", InformLevel.SubComponent),
            ]);
        var vulnerableGroups = InformNode.Aggregate(
            "vulnerable_groups", "Vulnerable Groups", Cat, Rgm,
            [InformNode.Leaf("uprooted_people", "Uprooted people", Cmp), otherVulnerableGroups]);
        var vulnerability = InformNode.Aggregate("vulnerability", "Vulnerability", Dim, Rgm, [socioEconomic, vulnerableGroups], null, "VULNERABILITY");

        var institutional = InformNode.Aggregate(
            "institutional", "Institutional", Cat, InformAggregation.ArithmeticMean,
            [InformNode.Leaf("drr", "DRR", Cmp, "Disaster Risk Reduction"), InformNode.Leaf("governance", "Governance", Cmp)]);
        var infrastructure = InformNode.Aggregate(
            "infrastructure", "Infrastructure", Cat, InformAggregation.ArithmeticMean,
            [
                InformNode.Leaf("communication", "Communication", Cmp),
                InformNode.Leaf("physical_infrastructure", "Physical infrastructure", Cmp),
                InformNode.Leaf("access_to_health_care", "Access to health care", Cmp, "Access to Health System"),
            ]);
        var lackOfCopingCapacity = InformNode.Aggregate(
            "lack_of_coping_capacity", "Lack of Coping Capacity", Dim, Rgm, [institutional, infrastructure], null, "LACK OF COPING CAPACITY");

        var risk = InformNode.Aggregate(
            "risk", "INFORM Risk", InformLevel.Risk, InformAggregation.GeometricMean,
            [hazardExposure, vulnerability, lackOfCopingCapacity], null, "INFORM RISK", "INFORM");
        return new InformModel(release, risk);
    }
}
