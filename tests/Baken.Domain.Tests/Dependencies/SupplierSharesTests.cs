using Baken.Domain.Dependencies;

namespace Baken.Domain.Tests.Dependencies;

/// <summary>A dependency's suppliers: the text form is read whole, and a part that cannot be read is a field error (issue 18).</summary>
public sealed class SupplierSharesTests
{
    [Fact]
    public void ParseSuppliers_ReadsNamesWithSpacesAndTheirShares_InOrder()
    {
        StrategicDependency.ParseSuppliers("China 0.62; United States 0.21;").ShouldBe([new("China", 0.62), new("United States", 0.21)]);
        new StrategicDependency { Suppliers = StrategicDependency.ParseSuppliers("China 0.62; Vietnam 0.21") }.SupplierShares().Count.ShouldBe(2);
    }

    [Fact]
    public void FormatSuppliers_GivesTheTextFormBack_AndWithoutTheListTheLargestSupplierStands()
    {
        var suppliers = StrategicDependency.ParseSuppliers("China 0.62; United States 0.21");
        StrategicDependency.FormatSuppliers(suppliers).ShouldBe("China 0.62; United States 0.21");
        StrategicDependency.FormatSuppliers([]).ShouldBeNull();
        new StrategicDependency { TopSupplier = "China", TopSupplierShare = 0.7 }.SupplierShares().ShouldBe([new("China", 0.7)]);
    }

    [Fact]
    public void StoredSuppliers_RoundTripThroughTheirJsonColumn_WithTypedMembers()
    {
        var suppliers = StrategicDependency.ParseSuppliers("China 0.62; Viet Nam 0.21");
        var json = StoredValues.ToJson(suppliers);
        json.ShouldBe("""[{"name":"China","share":0.62},{"name":"Viet Nam","share":0.21}]""");
        StoredValues.Suppliers(json).ShouldBe(suppliers);
    }

    [Theory]
    [InlineData("China 0.62; Vietnam", "Vietnam")]
    [InlineData("China 62%", "China 62%")]
    [InlineData("China 1.5", "China 1.5")]
    [InlineData("0.4", "0.4")]
    public void ParseSuppliers_APartWithoutANameAndAShareFrom0To1_IsAFieldErrorNamingThePart_NeverLeftOut(string text, string part)
    {
        var error = Should.Throw<DomainValidationException>(() => StrategicDependency.ParseSuppliers(text));

        error.Field.ShouldBe("suppliers");
        error.Value.ShouldBe(part);
        error.AllowedValues.ShouldBe(StrategicDependency.SuppliersAllowed.English);
    }
}
