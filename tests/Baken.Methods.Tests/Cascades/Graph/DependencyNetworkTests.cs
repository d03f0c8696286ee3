using Baken.Methods.Cascades.Graph;
using static Baken.Methods.Tests.Cascades.Graph.NetworkBuilder;

namespace Baken.Methods.Tests.Cascades.Graph;

/// <summary>Invalid networks are refused with messages that name the value and the rule.</summary>
public sealed class DependencyNetworkTests
{
    [Fact]
    public void ProcessDependency_SelfLoop_SaysItself()
    {
        Should.Throw<ArgumentException>(() => new ProcessDependency("10", "10", 0.5)).Message.ShouldContain("'10' cannot depend on itself");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ProcessDependency_StrengthOutsideUnitInterval_NamesEdgeAndRange(double strength)
    {
        var message = Should.Throw<ArgumentOutOfRangeException>(() => new ProcessDependency("10", "1", strength)).Message;
        message.ShouldContain("'10' on '1'");
        message.ShouldContain("[0, 1]");
    }

    [Fact]
    public void ProcessDependency_NegativeDelay_NamesIt()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ProcessDependency("10", "1", 0.5, delayHours: -2))
            .Message.ShouldContain("Delay of the dependency of '10' on '1' is -2 h");
    }

    [Fact]
    public void ProcessDependency_InfiniteBackup_NamesIt()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ProcessDependency("10", "1", 0.5, backupHours: double.PositiveInfinity))
            .Message.ShouldContain("Back-up");
    }

    [Fact]
    public void Network_UnknownSupplier_NamesIt()
    {
        Should.Throw<ArgumentException>(() => Network("A,B", DependsOn("B", "Z"))).Message.ShouldContain("supplier process 'Z'");
    }

    [Fact]
    public void Network_UnknownDependent_NamesIt()
    {
        Should.Throw<ArgumentException>(() => Network("A,B", DependsOn("Y", "A"))).Message.ShouldContain("dependent process 'Y'");
    }

    [Fact]
    public void Network_DuplicateCode_NamesIt()
    {
        Should.Throw<ArgumentException>(() => Network("A,B,A")).Message.ShouldContain("'A' occurs twice");
    }

    [Fact]
    public void Network_DuplicateDependency_AsksToCombine()
    {
        Should.Throw<ArgumentException>(() => Network("A,B", DependsOn("B", "A", 0.2), DependsOn("B", "A", 0.5)))
            .Message.ShouldContain("combine them");
    }

    [Fact]
    public void Network_Empty_Throws()
    {
        Should.Throw<ArgumentException>(() => new DependencyNetwork([], [])).Message.ShouldContain("at least one");
    }

    [Fact]
    public void VitalProcessNode_CodeWithSpaces_Throws()
    {
        Should.Throw<ArgumentException>(() => new VitalProcessNode(" 1", "Elektriciteit", VitalProcessCategory.A)).Message.ShouldContain("white space");
    }

    [Theory]
    [InlineData(-1, "start")]
    [InlineData(double.NaN, "start")]
    public void InitialDisruption_BadStart_Throws(double start, string expected)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new InitialDisruption("A", start, 1)).Message.ShouldContain(expected);
    }

    [Fact]
    public void InitialDisruption_ZeroDuration_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new InitialDisruption("A", 0, 0)).Message.ShouldContain("must be > 0 hours");
    }

    [Fact]
    public void InitialDisruption_SeverityAboveOne_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new InitialDisruption("A", 0, 1, 1.2)).Message.ShouldContain("[0, 1]");
    }

    [Fact]
    public void SimulationSettings_ZeroThreshold_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SimulationSettings(0)).Message.ShouldContain("(0, 1]");
    }

    [Fact]
    public void SuppliersAndDependants_ListEdgesOfProcess()
    {
        var network = Network("A,B,C", DependsOn("B", "A"), DependsOn("C", "B"));

        network.SuppliersOf("B").Single().Supplier.ShouldBe("A");
        network.DependantsOf("B").Single().Dependent.ShouldBe("C");
        network["C"].Name.ShouldBe("Process C");
    }
}
