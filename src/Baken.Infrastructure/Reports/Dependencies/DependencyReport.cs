using System.Globalization;
using Baken.Domain.Dependencies;
using Baken.Domain.Security;
using Baken.Infrastructure.Dependencies;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Reports.Dependencies;

/// <summary>
/// The report section on strategic dependencies: per domain the flagged products with their supplier concentration,
/// share from outside, largest supplier and the vital processes that rely on them, then the options weighed and the
/// decisions taken (seed 004's assessment framework).
/// </summary>
public static class DependencyReport
{
    /// <param name="ofConcern">Whether a supplier is on the list of countries of concern (marked in the table).</param>
    /// <param name="marking">The marking line: the high-water mark of <paramref name="dependencies"/> (level and compartments).</param>
    public static ReportDocument Compose(IReadOnlyList<StrategicDependency> dependencies, IReadOnlyDictionary<string, string> domainNames, Marking marking,
        string language = "nl", Func<string?, bool>? ofConcern = null)
    {
        var nl = language == "nl";
        string T(string dutch, string english) => nl ? dutch : english;
        string P(double? v) => v?.ToString("P0", CultureInfo.InvariantCulture) ?? "";
        var blocks = new List<DocumentBlock>
        {
            new Paragraph(T($"{dependencies.Count} producten zijn als strategische afhankelijkheid gemarkeerd, {dependencies.Count(d => d.Decision is { Length: > 0 })} met een genomen besluit.",
                $"{dependencies.Count} products are flagged as strategic dependencies, {dependencies.Count(d => d.Decision is { Length: > 0 })} with a decision taken.")),
        };
        foreach (var group in dependencies.GroupBy(d => d.Domain ?? "").OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            blocks.Add(new Heading(1, group.Key.Length == 0 ? T("Zonder domein", "No domain") : domainNames.GetValueOrDefault(group.Key, group.Key)));
            blocks.Add(new Table(null,
                ["HS6", T("Product (Engelse naam)", "Product"), T("Importeur", "Importer"), T("Jaar", "Year"), "HHI", T("Van buiten", "From outside"), T("Grootste leveranciers", "Largest suppliers"), T("Vitale processen", "Vital processes"), T("Stand", "Status")],
                group.OrderByDescending(d => d.SupplierHhi ?? 0).Select(d => (IReadOnlyList<string>)[
                    d.Hs6.ToString("000000", CultureInfo.InvariantCulture), HsProductNames.Bundled.Name(d.Hs6) ?? "", d.Importer, d.Year.ToString(CultureInfo.InvariantCulture),
                    d.SupplierHhi?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", P(d.ExtraShare), string.Join(", ", d.SupplierShares().Select(x => $"{x.Name} {P(x.Share)}" + (ofConcern?.Invoke(x.Name) == true ? T(" (land van zorg)", " (country of concern)") : ""))),
                    string.Join(";", d.VitalProcesses), StatusText(d.Status, nl)]).ToList()));
            foreach (var d in group.Where(d => d.Options.Count > 0 || d.Decision is { Length: > 0 }))
            {
                blocks.Add(new Heading(2, d.Title));
                var chosen = d.ChosenOptions().ToList();
                if (chosen.Count > 0)
                    blocks.Add(new Paragraph(T("Gekozen: ", "Chosen: ") + string.Join(", ", chosen.Select(o => DependencyOptionLabels.Label(o, language))), Emphasis: true));
                if (d.Options.Count > 0)
                    blocks.Add(new BulletList(d.Options.Select(o => DependencyOptionLabels.Line(o, language)).ToList()));
                if (d.Decision is { Length: > 0 } decision)
                    blocks.Add(new Paragraph(T("Besluit", "Decision") + (d.DecidedOn is { } on ? $" ({on:yyyy-MM-dd})" : "") + ": " + decision, Emphasis: true));
            }
        }
        return new ReportDocument(T("Strategische afhankelijkheden", "Strategic dependencies"), language, marking.Text, blocks);
    }

    private static string StatusText(DependencyStatus status, bool nl) => status switch
    {
        DependencyStatus.Flagged => nl ? "gesignaleerd" : "flagged",
        DependencyStatus.Assessed => nl ? "beoordeeld" : "assessed",
        DependencyStatus.Decided => nl ? "besloten" : "decided",
        _ => nl ? "afgesloten" : "closed",
    };
}
