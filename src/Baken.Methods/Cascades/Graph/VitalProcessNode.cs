namespace Baken.Methods.Cascades.Graph;

/// <summary>
/// NCTV category of a vital process. Category A processes cause the gravest (national, cross-sector) damage when
/// they fail; category B processes cause serious but more contained damage.
/// </summary>
public enum VitalProcessCategory
{
    A,
    B,
}

/// <summary>A vital process as a node of the dependency network.</summary>
public sealed record VitalProcessNode
{
    /// <param name="code">Identifier of the process, unique within a network (for the NCTV list, the <c>id</c> column: "1" … "28").</param>
    /// <param name="name">Display name, e.g. "Drinkwatervoorziening"; used in timelines.</param>
    /// <param name="category">NCTV category A or B.</param>
    public VitalProcessNode(string code, string name, VitalProcessCategory category)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new ArgumentException("A vital process needs a code (for the NCTV list, its id \"1\" … \"28\").", nameof(code));
        if (code.Trim() != code)
            throw new ArgumentException($"Process code '{code}' has leading or trailing white space; codes are compared exactly.", nameof(code));
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"Vital process '{code}' needs a name.", nameof(name));
        if (!Enum.IsDefined(category))
            throw new ArgumentOutOfRangeException(nameof(category), category, $"Category of vital process '{code}' must be A or B.");
        Code = code;
        Name = name;
        Category = category;
    }

    public string Code { get; }

    public string Name { get; }

    public VitalProcessCategory Category { get; }
}
