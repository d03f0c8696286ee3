using System.Globalization;

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
    /// <summary>
    /// The largest suppliers and their shares of extra imports, largest first. Held as one JSON column with typed members
    /// (<c>[{"name": "China", "share": 0.62}]</c>); the text form "China 0.62; Vietnam 0.21" lives only in the record
    /// field (<see cref="FormatSuppliers"/>, <see cref="ParseSuppliers"/>).
    /// </summary>
    public IReadOnlyList<ListedSupplier> Suppliers { get; set; } = [];

    public static readonly MessageTemplate SuppliersAllowed = new("allowed.dependencies.suppliers", "suppliers separated by ';', each a name and its share of extra imports from 0 to 1 with '.' as decimal separator (e.g. 'China 0.62; Vietnam 0.21')");

    /// <summary>
    /// <see cref="Suppliers"/>, or without the list (records screened before it existed) the largest supplier alone.
    /// </summary>
    public IReadOnlyList<ListedSupplier> SupplierShares() =>
        Suppliers.Count == 0
            ? TopSupplier is { Length: > 0 } top && TopSupplierShare is { } share ? [new ListedSupplier(top, share)] : []
            : Suppliers;

    /// <summary>
    /// Reads the suppliers' text form. A part without a name and a share from 0 to 1 at its end is a field error naming
    /// the part: it was once left out without a word, so a typo silently shortened the list.
    /// </summary>
    public static IReadOnlyList<ListedSupplier> ParseSuppliers(string? text, string field = "suppliers")
    {
        var shares = new List<ListedSupplier>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.LastIndexOf(' ');
            if (space <= 0 || !double.TryParse(part[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
                || !(s is >= 0 and <= 1))
                throw new DomainValidationException(field, part, SuppliersAllowed);
            shares.Add(new ListedSupplier(part[..space].Trim(), s));
        }
        return shares;
    }

    /// <summary>The text form, "China 0.62; Vietnam 0.21"; null without suppliers.</summary>
    public static string? FormatSuppliers(IReadOnlyList<ListedSupplier>? suppliers) =>
        suppliers is null or { Count: 0 } ? null
            : string.Join("; ", suppliers.Select(x => $"{x.Name} {x.Share.ToString("R", CultureInfo.InvariantCulture)}"));
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

/// <summary>One of a dependency's largest suppliers (a country name) and its share of extra imports, from 0 to 1.</summary>
public sealed record ListedSupplier(string Name, double Share);
