using Baken.Application.Dependencies;
using Baken.Application.Register;

namespace Baken.Application.Demo;

/// <summary>The dependency records and concentration series of the demo's screen, as register rows.</summary>
public sealed record DemoTradeRows(int Year, int FlowsScreened, IReadOnlyList<ImportRow> Dependencies, IReadOnlyList<ImportRow> Indicators, IReadOnlyList<ImportRow> Observations);

/// <summary>
/// Screens the fictional trade year bundled with the product (reading BACI files is a file format, so it lives in
/// Infrastructure) and gives the result as the rows <c>baken dependencies screen --record</c> would keep.
/// </summary>
public interface IDemoTradeScreen
{
    DemoTradeRows Screen(IReadOnlyList<ProductDomain> productDomains);
}
