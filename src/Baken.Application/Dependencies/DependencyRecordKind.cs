using Baken.Domain;
using Baken.Domain.Dependencies;
using D = Baken.Domain.Dependencies;

namespace Baken.Application.Register;

/// <summary>The strategic dependency record: a flagged product with its options and the decision taken.</summary>
public static partial class RecordKinds
{
    public static readonly RecordKind Dependency = Kind<D.StrategicDependency>("dependency", "dependencies", "Strategische afhankelijkheden", "Strategic dependencies", "title",
        db => db.Dependencies, b => b
            .Text("title", "Product and importer", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Int("hs6", "HS6 product code", r => r.Hs6, (r, v) => r.Hs6 = v, 0, 999_999)
            .Text("importer", "EU27 or an ISO3 country code", r => r.Importer, (r, v) => r.Importer = v!, required: true)
            .Int("year", "Year screened", r => r.Year, (r, v) => r.Year = v, 1990, 2100)
            .Number("supplier_hhi", "Supplier concentration (HHI, 0–1)", r => r.SupplierHhi, (r, v) => r.SupplierHhi = v)
            .Number("extra_share", "Share of imports from outside the importer (0–1)", r => r.ExtraShare, (r, v) => r.ExtraShare = v)
            .Number("import_export_ratio", "Imports divided by exports", r => r.ImportExportRatio, (r, v) => r.ImportExportRatio = v)
            .Text("top_supplier", "Largest supplier", r => r.TopSupplier, (r, v) => r.TopSupplier = v)
            .Number("top_supplier_share", "Largest supplier's share (0–1)", r => r.TopSupplierShare, (r, v) => r.TopSupplierShare = v)
            .Text("suppliers", "Largest suppliers and their shares of extra imports, largest first: 'China 0.62; Vietnam 0.21'", r => StrategicDependency.FormatSuppliers(r.Suppliers),
                (r, v) => r.Suppliers = StrategicDependency.ParseSuppliers(v))
            .Text("domain", "Dependency domain (catalogue entry code, e.g. dependency_domains.MED)", r => r.Domain, (r, v) => r.Domain = v, references: "catalogue-entry")
            .Codes("vital_processes", "Vital processes that rely on it", r => r.VitalProcesses, (r, v) => r.VitalProcesses = v, "vital-process")
            .OptionChoices("options", "The options weighed (accept or delay, diversify, stockpile, substitute, counter-power), each considered, chosen or rejected, with its costs and benefits", r => r.Options, (r, v) => r.Options = v)
            .Text("decision", "The decision taken", r => r.Decision, (r, v) => r.Decision = v, multiline: true)
            .Date("decided_on", "Date of the decision", r => r.DecidedOn, (r, v) => r.DecidedOn = v)
            .Text("scenario", "Scenario it feeds", r => r.Scenario, (r, v) => r.Scenario = v, references: "scenario")
            .Enum("status", "Flagged, assessed, decided or closed", r => r.Status, (r, v) => r.Status = v));
}
