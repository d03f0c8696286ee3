namespace Baken.Domain.Dependencies;

public enum DependencyStatus { Flagged, Assessed, Decided, Closed }

/// <summary>
/// A flagged strategic dependency (a product the screen marked dependent for an importer) with the assessment
/// framework of seed 004: its options — accept or delay, diversify, stockpile, substitute, counter-power — with their
/// costs and benefits, and the decision taken. It can feed a scenario and be put on a council's agenda.
/// </summary>
public sealed class StrategicDependency : Record
{
    public string Title { get; set; } = "";
    /// <summary>HS 2017 six-digit product code.</summary>
    public int Hs6 { get; set; }
    /// <summary>EU27 or an ISO3 country code.</summary>
    public string Importer { get; set; } = "";
    public int Year { get; set; }
    public double? SupplierHhi { get; set; }
    public double? ExtraShare { get; set; }
    public double? ImportExportRatio { get; set; }
    public string? TopSupplier { get; set; }
    public double? TopSupplierShare { get; set; }
    /// <summary>The largest suppliers and their shares of extra imports, largest first: "China 0.62; Vietnam 0.21".</summary>
    public string? Suppliers { get; set; }

    public static readonly MessageTemplate SuppliersAllowed = new("allowed.dependencies.suppliers", "suppliers separated by ';', each a name and its share of extra imports from 0 to 1 with '.' as decimal separator (e.g. 'China 0.62; Vietnam 0.21')");

    /// <summary>
    /// <see cref="Suppliers"/> as (name, share) pairs. Without the list (records screened before it existed), the largest
    /// supplier alone.
    /// </summary>
    public IReadOnlyList<(string Name, double Share)> SupplierShares() =>
        string.IsNullOrWhiteSpace(Suppliers)
            ? TopSupplier is { Length: > 0 } top && TopSupplierShare is { } share ? [(top, share)] : []
            : ParseSuppliers(Suppliers);

    /// <summary>
    /// Reads the suppliers' text form. A part without a name and a share from 0 to 1 at its end is a field error naming
    /// the part: it was once left out without a word, so a typo silently shortened the list.
    /// </summary>
    public static IReadOnlyList<(string Name, double Share)> ParseSuppliers(string? text, string field = "suppliers")
    {
        var shares = new List<(string, double)>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.LastIndexOf(' ');
            if (space <= 0 || !double.TryParse(part[(space + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
                || !(s is >= 0 and <= 1))
                throw new DomainValidationException(field, part, SuppliersAllowed);
            shares.Add((part[..space].Trim(), s));
        }
        return shares;
    }
    /// <summary>Code of the dependency domain (catalogue entry), e.g. dependency_domains.MED.</summary>
    public string? Domain { get; set; }
    public List<string> VitalProcesses { get; set; } = [];
    /// <summary>
    /// The options weighed (seed 004's framework), each with its status and rationale: costs, benefits, why chosen or not.
    /// Replaced as a whole when changed (the list is never edited in place), so a change is a change of the record.
    /// </summary>
    public IReadOnlyList<DependencyOptionChoice> Options { get; set; } = [];

    /// <summary>The options chosen, in the framework's order.</summary>
    public IEnumerable<DependencyOptionChoice> ChosenOptions() =>
        Options.Where(o => o.Status == DependencyOptionStatus.Chosen).OrderBy(o => o.Option is null).ThenBy(o => o.Option);
    public string? Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Scenario { get; set; }
    public DependencyStatus Status { get; set; }
}
