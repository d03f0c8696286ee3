using Baken.Methods.Dependencies;
using Baken.Application.Demo;
using Baken.Application.Dependencies;
using Baken.Infrastructure.Dependencies;

namespace Baken.Infrastructure.Demo;

/// <summary>
/// The demo's dependency screen: the EU three-criteria test on the FICTIONAL trade year bundled in this assembly
/// (demo-trade-2023.csv, made by tools/demo/make-demo-trade.py; invented values in BACI's layout), with EU-27 as importer.
/// </summary>
public sealed class DemoTradeScreen : IDemoTradeScreen
{
    public const int Year = 2023;
    private const string Resource = "Baken.Infrastructure.Demo.demo-trade-2023.csv";

    /// <summary>The suppliers of the demo file, so records name countries instead of BACI codes.</summary>
    private static readonly BaciCountryDictionary Countries = new(
    [
        new(156, "China", "CN", "CHN"), new(842, "USA", "US", "USA"), new(826, "United Kingdom", "GB", "GBR"), new(757, "Switzerland", "CH", "CHE"),
        new(579, "Norway", "NO", "NOR"), new(392, "Japan", "JP", "JPN"), new(410, "Rep. of Korea", "KR", "KOR"), new(490, "Other Asia, nes", "TW", "TWN"),
        new(699, "India", "IN", "IND"), new(704, "Viet Nam", "VN", "VNM"), new(792, "Türkiye", "TR", "TUR"), new(76, "Brazil", "BR", "BRA"),
        new(634, "Qatar", "QA", "QAT"), new(458, "Malaysia", "MY", "MYS"), new(504, "Morocco", "MA", "MAR"), new(152, "Chile", "CL", "CHL"),
    ]);

    public DemoTradeRows Screen(IReadOnlyList<ProductDomain> productDomains)
    {
        using var stream = typeof(DemoTradeScreen).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The demo trade file {Resource} is missing from the assembly.");
        var result = DependencyScreen.Run(BaciTradeFlowReader.ReadFlows(stream, "demo-trade-2023.csv (fictional)"), "demo-trade-2023.csv (fictional)",
            Year, DependencyImporter.Eu27, DependencyCriteria.EuBottomUp);
        var (indicators, observations) = DependencyRecords.ConcentrationSeries(result);
        return new DemoTradeRows(result.Year, (int)result.FlowsInYear, DependencyRecords.Rows(result, Countries, productDomains), indicators, observations);
    }
}
