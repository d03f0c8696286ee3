using Baken.Methods.Risk;
using Baken.Infrastructure.Assessments;

namespace Baken.Infrastructure.Tests.Assessments;

/// <summary>
/// The ten classic NRB criteria with the indicative decade ladders of METHODS §1.1 (deaths, injured ×10, costs in EUR);
/// the other criteria are qualitative here. The real scales come from the catalogue.
/// </summary>
internal static class IndicativeNrbCriteria
{
    public static IReadOnlyList<Criterion> Criteria { get; } =
        new[] { "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "4.1", "5.1", "5.2", "5.3" }.Select(c => new Criterion(c, c[..1])).ToArray();

    public static IReadOnlyDictionary<string, ImpactClassScale> Scales { get; } = Criteria.ToDictionary(
        c => c.Code,
        c => c.Code switch
        {
            "2.1" => ImpactClassScale.Quantitative("2.1", 1, "deaths", [1, 10, 100, 1_000, 10_000], isIndicative: true),
            "2.2" => ImpactClassScale.Quantitative("2.2", 1, "people", [10, 100, 1_000, 10_000, 100_000], isIndicative: true),
            "3.1" => ImpactClassScale.Quantitative("3.1", 1, "EUR", [50e6, 0.5e9, 5e9, 50e9, 500e9], isIndicative: true),
            _ => ImpactClassScale.Qualitative(c.Code, 1, isIndicative: true),
        });

    public static AssessmentFileReader CreateReader() => new(Criteria, Scales);
}
