namespace Baken.Methods.CountryRisk;

/// <summary>
/// The levels of the INFORM tree, coarse to fine. A larger value is a finer level, so
/// <c>node.Level &gt;= inputLevel</c> reads "at or below the level the evaluation starts from".
/// </summary>
public enum InformLevel
{
    /// <summary>The INFORM Risk index itself (the root).</summary>
    Risk = 0,

    /// <summary>Hazard &amp; Exposure, Vulnerability, Lack of Coping Capacity.</summary>
    Dimension = 1,

    /// <summary>For example Natural, Human, Socio-Economic Vulnerability, Institutional.</summary>
    Category = 2,

    /// <summary>For example Earthquake, Inequality, Uprooted people, DRR.</summary>
    Component = 3,

    /// <summary>Components of a component, for example the four parts of Other Vulnerable Groups.</summary>
    SubComponent = 4,
}
