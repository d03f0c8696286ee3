using Baken.Methods.Dependencies;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.Dependencies;

public sealed class DependencyCriteriaTests
{
    [Theory]
    [InlineData(0.0, ConcentrationBand.Low)]
    [InlineData(0.1499, ConcentrationBand.Low)]
    [InlineData(0.15, ConcentrationBand.Moderate)]
    [InlineData(0.2499, ConcentrationBand.Moderate)]
    [InlineData(0.25, ConcentrationBand.High)]
    [InlineData(1.0, ConcentrationBand.High)]
    public void CbsBands_Default_ClassifiesAtBounds(double hhi, ConcentrationBand band)
    {
        CbsConcentrationBands.Default.Classify(hhi).ShouldBe(band);
    }

    [Fact]
    public void CbsBands_HighBelowModerate_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CbsConcentrationBands(0.3, 0.2)).ParamName.ShouldBe("highFrom");
    }

    [Fact]
    public void Criteria_Presets_HaveMethodsThresholds()
    {
        DependencyCriteria.EuBottomUp.SupplierHhiThreshold.ShouldBe(0.4);
        DependencyCriteria.EuBottomUp.ExtraShareThreshold.ShouldBe(0.5);
        DependencyCriteria.EuBottomUp.ImportExportRatioThreshold.ShouldBe(1.0);
        DependencyCriteria.EuBottomUp.RequireWorldExportConcentration.ShouldBeFalse();
        DependencyCriteria.GeoDep.RequireWorldExportConcentration.ShouldBeTrue();
        DependencyCriteria.GeoDep.Persistence.ShouldBe(new DependencyYearWindow(2, 3));
        DependencyCriteria.Merics.ImportExportRatioThreshold.ShouldBe(2.0);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Criteria_HhiThresholdOutsideUnitInterval_NamesSetting(double threshold)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DependencyCriteria.EuBottomUp with { SupplierHhiThreshold = threshold })
            .ParamName.ShouldBe(nameof(DependencyCriteria.SupplierHhiThreshold));
    }

    [Fact]
    public void YearWindow_MoreRequiredThanWindow_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new DependencyYearWindow(4, 3)).ParamName.ShouldBe("yearsRequired");
    }

    [Fact]
    public void PersistentDependency_MissingYearInWindow_NamesYear()
    {
        var years = new Dictionary<int, IReadOnlyList<ProductDependency>> { [2022] = [], [2020] = [] };
        Should.Throw<ArgumentException>(() => PersistentDependency.Evaluate(years, DependencyCriteria.GeoDep))
            .Message.ShouldContain("2021");
    }

    [Fact]
    public void PersistentDependency_TwoOfThreeYears_IsDependent()
    {
        static ProductDependency P(int year, bool dependent) =>
            new(810890, year, 0.8, 1, null, 1, 1, 0, 1, 156, 1, 1, true, true, true, true, dependent, ConcentrationBand.High);
        var years = new Dictionary<int, IReadOnlyList<ProductDependency>>
        {
            [2020] = [P(2020, true)], [2021] = [P(2021, false)], [2022] = [P(2022, true)],
        };

        var result = PersistentDependency.Evaluate(years, DependencyCriteria.GeoDep).ShouldHaveSingleItem();

        result.YearsDependent.ShouldBe([2020, 2022]);
        result.Dependent.ShouldBeTrue();
        PersistentDependency.Evaluate(years, DependencyCriteria.GeoDep with { Persistence = new DependencyYearWindow(3, 3) })
            .Single().Dependent.ShouldBeFalse();
    }

    [Fact]
    public void CountryGroup_Eu27_HasBaciCodesForFranceAndItaly()
    {
        CountryGroup.Eu27.Contains(251).ShouldBeTrue();
        CountryGroup.Eu27.Contains(381).ShouldBeTrue();
        CountryGroup.Eu27.Contains(250).ShouldBeFalse(); // ISO France; BACI uses 251
        CountryGroup.Eu27.Contains(826).ShouldBeFalse(); // United Kingdom left in 2020
        CountryGroup.Eu27.Contains(579).ShouldBeFalse(); // Norway
    }
}
