using Baken.Methods.Dependencies;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.Dependencies;

public sealed class TradeYearAccumulatorTests
{
    // BACI codes: 156 China, 842 USA, 579 Norway, 643 Russia; EU: 276 Germany, 528 Netherlands, 251 France.
    private const int China = 156, Usa = 842, Norway = 579, Russia = 643, Germany = 276, Netherlands = 528, France = 251;

    private static ProductDependency Single(TradeYearAccumulator accumulator, DependencyCriteria? criteria = null) =>
        accumulator.Indicators(criteria ?? DependencyCriteria.EuBottomUp).ShouldHaveSingleItem();

    [Fact]
    public void Indicators_HandBuiltTable_AllThreeEuCriteria()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        eu.Add(China, Germany, 850650, 600);
        eu.Add(China, France, 850650, 200);
        eu.Add(Usa, Netherlands, 850650, 200);
        eu.Add(Germany, France, 850650, 250); // intra-EU: in total imports and EU exports, not a supplier
        eu.Add(Netherlands, Usa, 850650, 50);

        var p = Single(eu);

        // Extra: CHN 800, USA 200 → HHI 0.64 + 0.04 = 0.68. Total 1250 → share 0.8. Exports 250 + 50 = 300.
        p.SupplierHhi!.Value.ShouldBe(0.68, 1e-12);
        p.ExtraShare!.Value.ShouldBe(0.8, 1e-12);
        p.Exports.ShouldBe(300);
        p.ImportExportRatio!.Value.ShouldBe(1000.0 / 300.0, 1e-12);
        p.TopSupplier.ShouldBe(China);
        p.SupplierCount.ShouldBe(2);
        p.LargestSuppliers!.Select(x => x.Country).ShouldBe([China, Usa]);
        p.LargestSuppliers!.Select(x => x.Share).ShouldBe([0.8, 0.2], 1e-12);
        p.Dependent.ShouldBeTrue();
        // World exports by exporter: CHN 800, USA 200, DEU 250, NLD 50 of 1300.
        p.WorldExportHhi!.Value.ShouldBe((800.0 * 800 + 200 * 200 + 250 * 250 + 50 * 50) / (1300.0 * 1300), 1e-12);
    }

    [Fact]
    public void LargestSuppliers_KeepsTheFiveLargest_LargestFirst()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        // Seven suppliers outside the EU with values 10, 20, …, 70 (BACI codes of CHN, USA, NOR, RUS, JPN, KOR, IND).
        int[] suppliers = [156, 842, 579, 643, 392, 410, 699];
        for (var i = 0; i < suppliers.Length; i++) eu.Add(suppliers[i], Germany, 1, 10 * (i + 1));

        var listed = Single(eu).LargestSuppliers!;
        listed.Select(x => x.Country).ShouldBe([699, 410, 392, 643, 579]);
        listed.Select(x => x.Share).ShouldBe([70 / 280.0, 60 / 280.0, 50 / 280.0, 40 / 280.0, 30 / 280.0], 1e-12);
        listed[0].Share.ShouldBe(Single(eu).TopSupplierShare!.Value, 1e-15);
    }

    [Fact]
    public void Indicators_HhiExactlyAtThreshold_IsNotDependent()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        // Two equal suppliers: HHI = 0.25 + 0.25 = 0.5 exactly (binary-exact), above the default 0.4.
        eu.Add(China, Germany, 1, 50);
        eu.Add(Usa, Germany, 1, 50);

        Single(eu).Dependent.ShouldBeTrue();
        // "HHI > threshold" is strict: at exactly 0.5 the criterion fails.
        Single(eu, DependencyCriteria.EuBottomUp with { SupplierHhiThreshold = 0.5 }).MeetsConcentration.ShouldBeFalse();
    }

    [Fact]
    public void Indicators_ExportsAboveExtraImports_FailsThirdCriterion()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        eu.Add(China, Germany, 1, 100);
        eu.Add(Germany, Usa, 1, 150);

        var p = Single(eu);
        p.MeetsConcentration.ShouldBeTrue();
        p.MeetsExtraShare.ShouldBeTrue();
        p.MeetsImportExport.ShouldBeFalse();
        p.Dependent.ShouldBeFalse();
    }

    [Fact]
    public void Indicators_MericsRatio_NeedsTwiceTheExports()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        eu.Add(China, Germany, 1, 150);
        eu.Add(Germany, Usa, 1, 100);

        Single(eu).Dependent.ShouldBeTrue();
        Single(eu, DependencyCriteria.Merics).Dependent.ShouldBeFalse();
    }

    [Fact]
    public void Indicators_GeoDep_AlsoNeedsConcentratedWorldExports()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        eu.Add(China, Germany, 1, 100);
        // The rest of the world buys from many others, so world exports are not concentrated.
        foreach (var exporter in new[] { 32, 36, 76, 124, 392, 410, 484 }) eu.Add(exporter, Usa, 1, 100);

        var p = Single(eu, DependencyCriteria.GeoDep);
        p.WorldExportHhi!.Value.ShouldBe(1.0 / 8, 1e-12);
        p.MeetsWorldConcentration.ShouldBeFalse();
        p.Dependent.ShouldBeFalse();
        Single(eu).Dependent.ShouldBeTrue();
    }

    [Fact]
    public void Indicators_OnlyIntraEuImports_HasNoSupplierHhi()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        eu.Add(Germany, France, 1, 100);

        var p = Single(eu);
        p.SupplierHhi.ShouldBeNull();
        p.ExtraShare.ShouldBe(0);
        p.CbsBand.ShouldBeNull();
        p.Dependent.ShouldBeFalse();
    }

    [Fact]
    public void Indicators_ProductOnlyExported_IsLeftOut()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        eu.Add(Germany, Usa, 1, 100);

        eu.Indicators(DependencyCriteria.EuBottomUp).ShouldBeEmpty();
    }

    [Fact]
    public void Indicators_NetherlandsAsImporter_OtherEuMembersAreInsideButNotImporter()
    {
        var nl = new TradeYearAccumulator(2022, DependencyImporter.Netherlands);
        nl.Add(China, Netherlands, 1, 300);
        nl.Add(Germany, Netherlands, 1, 100); // intra-EU supplier: total only
        nl.Add(China, Germany, 1, 1000);      // not a Dutch import at all
        nl.Add(Netherlands, Germany, 1, 50);

        var p = Single(nl);
        p.TotalImports.ShouldBe(400);
        p.ExtraImports.ShouldBe(300);
        p.ExtraShare!.Value.ShouldBe(0.75);
        p.Exports.ShouldBe(50);
        p.CbsBand.ShouldBe(ConcentrationBand.High);
    }

    [Fact]
    public void Add_CodeOutsideThreeDigits_Throws()
    {
        var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
        Should.Throw<ArgumentOutOfRangeException>(() => eu.Add(1000, Germany, 1, 1)).ParamName.ShouldBe("exporter");
        Should.Throw<ArgumentOutOfRangeException>(() => eu.Add(China, Germany, 1, double.NaN)).ParamName.ShouldBe("value");
    }

    private static Arbitrary<(int Exporter, int Importer, int Value)[]> Flows() =>
        (from exporter in Gen.Elements(China, Usa, Norway, Russia, Germany, Netherlands, France)
         from importer in Gen.Elements(Usa, Germany, Netherlands, France)
         from value in Gen.Choose(1, 10_000)
         select (exporter, importer, value))
        .ListOf().Where(l => l.Count > 0).Select(l => l.ToArray()).ToArbitrary();

    [Property(MaxTest = 300, Replay = "(20261123,201)")]
    public Property Indicators_AnyFlows_RatiosWithinBounds() =>
        Prop.ForAll(Flows(), flows =>
        {
            var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
            foreach (var f in flows) if (f.Exporter != f.Importer) eu.Add(f.Exporter, f.Importer, 1, f.Value);
            return eu.Indicators(DependencyCriteria.EuBottomUp).All(p =>
                p.ExtraShare is >= 0 and <= 1
                && (p.SupplierHhi is null || (p.SupplierHhi >= 1.0 / p.SupplierCount - 1e-12 && p.SupplierHhi <= 1 + 1e-12))
                && (p.TopSupplierShare is null || p.TopSupplierShare >= 1.0 / p.SupplierCount - 1e-12)
                && p.LargestSuppliers!.Count == Math.Min(p.SupplierCount, SupplierShare.Listed)
                && p.LargestSuppliers.Zip(p.LargestSuppliers.Skip(1)).All(x => x.First.Share >= x.Second.Share)
                && p.LargestSuppliers.Sum(x => x.Share) <= 1 + 1e-12
                && p.ExtraImports <= p.TotalImports + 1e-9);
        });

    [Property(MaxTest = 200, Replay = "(20261123,203)")]
    public Property Indicators_ReorderingFlows_ChangesNothing() =>
        Prop.ForAll(Flows(), flows =>
        {
            ProductDependency Screen(IEnumerable<(int Exporter, int Importer, int Value)> order)
            {
                var eu = new TradeYearAccumulator(2022, DependencyImporter.Eu27);
                eu.Add(China, Germany, 1, 1); // at least one import
                foreach (var f in order) if (f.Exporter != f.Importer) eu.Add(f.Exporter, f.Importer, 1, f.Value);
                return eu.Indicators(DependencyCriteria.EuBottomUp).Single();
            }
            var a = Screen(flows);
            var b = Screen(flows.Reverse());
            return Math.Abs(a.SupplierHhi!.Value - b.SupplierHhi!.Value) < 1e-12 && a.Dependent == b.Dependent
                && Math.Abs(a.ExtraShare!.Value - b.ExtraShare!.Value) < 1e-12;
        });
}
