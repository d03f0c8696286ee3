using Baken.Methods.Risk;
using Baken.Infrastructure.Assessments;
using Baken.Application.Assessments;
using Shouldly;

namespace Baken.Infrastructure.Tests.Assessments;

public sealed class AssessmentFileReaderTests
{
    private const string Header = "scenario_id,scenario_title,theme,kind,analyst,organisation,classification,horizon_years,likelihood,intent,capability,vulnerability,1.1,1.2,2.1,2.2,2.3,3.1,4.1,5.1,5.2,5.3";
    private const string GoodRow = "S1,Flood,Klimaat,hazard,ann,RIVM,Ongerubriceerd,5,C,,,,A,A,B,B,C,C,A,B,A,B";

    private static AssessmentReadResult Read(params string[] lines) =>
        IndicativeNrbCriteria.CreateReader().ReadCsv(new StringReader(string.Join("\n", lines)));

    private static AssessmentFileError SingleError(AssessmentReadResult result)
    {
        result.IsValid.ShouldBeFalse();
        result.Input.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void ReadCsv_ValidRow_GivesInput()
    {
        var result = Read(Header, GoodRow, GoodRow.Replace("ann", "bob").Replace(",C,,,,", ",B-D~C,,,,"));

        result.Errors.ShouldBeEmpty();
        var scenario = result.Input!.Scenarios.ShouldHaveSingleItem();
        scenario.Assessments.Count.ShouldBe(2);
        scenario.Assessments[1].Likelihood.Stated!.ToString().ShouldBe("B-D~C");
        result.Input.Criteria.Select(c => c.Code).ShouldBe(IndicativeNrbCriteria.Criteria.Select(c => c.Code));
    }

    [Fact]
    public void ReadCsv_EmptyFile_ReportsHeaderMissing()
    {
        var error = SingleError(Read(""));
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("The file is empty");
    }

    [Fact]
    public void ReadCsv_HeaderOnly_ReportsNoRows() =>
        SingleError(Read(Header)).Message.ShouldContain("no assessment rows");

    [Fact]
    public void ReadCsv_MissingColumn_NamesIt()
    {
        var error = SingleError(Read(Header.Replace("organisation,", ""), GoodRow.Replace("RIVM,", "")));

        error.Line.ShouldBe(1);
        error.Field.ShouldBe("organisation");
        error.Message.ShouldContain("Required column 'organisation' is missing");
    }

    [Fact]
    public void ReadCsv_BadClassF_NamesLineFieldAndValue()
    {
        var error = SingleError(Read(Header, GoodRow, GoodRow.Replace("ann", "bob").Replace(",C,A,B,A,B", ",F,A,B,A,B")));

        error.Line.ShouldBe(3);
        error.Field.ShouldBe("3.1");
        error.Value.ShouldBe("F");
        error.Message.ShouldContain("allowed are X, A, B, C, D, E");
        error.ToString().ShouldStartWith("line 3, column 3.1, value 'F':");
    }

    [Fact]
    public void ReadCsv_ImpossibleRangeDB_IsReported()
    {
        var error = SingleError(Read(Header, GoodRow.Replace(",A,A,B,B,C,C", ",D-B,A,B,B,C,C")));

        error.Field.ShouldBe("1.1");
        error.Value.ShouldBe("D-B");
        error.Message.ShouldContain("impossible range");
    }

    [Fact]
    public void ReadCsv_UnknownCriterionColumn_IsReportedOnTheHeader()
    {
        var error = SingleError(Read(Header + ",9.9", GoodRow + ",C"));

        error.Line.ShouldBe(1);
        error.Field.ShouldBe("9.9");
        error.Message.ShouldContain("Unknown criterion column");
        error.Message.ShouldContain("1.1, 1.2, 2.1");
    }

    [Fact]
    public void ReadCsv_NonNumericHorizon_IsReported()
    {
        var error = SingleError(Read(Header, GoodRow.Replace(",Ongerubriceerd,5,", ",Ongerubriceerd,five,")));

        error.Line.ShouldBe(2);
        error.Field.ShouldBe("horizon_years");
        error.Value.ShouldBe("five");
        error.Message.ShouldContain("number of years");
    }

    [Fact]
    public void ReadCsv_BadKindAndDuplicateAnalyst_AllErrorsReportedTogether()
    {
        var result = Read(Header, GoodRow, GoodRow, GoodRow.Replace("ann", "cid").Replace("hazard", "accident"));

        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(3, "analyst"), (4, "kind")]);
        result.Errors[0].Message.ShouldContain("already assessed scenario S1 on line 2");
        result.Errors[1].Message.ShouldContain("'hazard'");
    }

    [Fact]
    public void ReadCsv_QuantityCells_AreClassifiedWithTheScale()
    {
        var row = GoodRow.Replace(",A,A,B,B,C,C,", ",A,A,350 deaths,B,C,€2.1 bn,");

        var a = Read(Header, row).Input!.Scenarios[0].Assessments[0];

        a.Impacts["2.1"].Low.ShouldBe(ImpactClass.C);
        a.Impacts["2.1"].Derivation.ShouldBe("350 deaths lies in C: 100 ≤ q < 1,000 (scale v1, indicative)");
        a.Impacts["3.1"].Low.ShouldBe(ImpactClass.B);
    }

    [Fact]
    public void ReadCsv_QuantityOnQualitativeCriterion_IsRefused()
    {
        var error = SingleError(Read(Header, GoodRow.Replace(",,,,A,A,B", ",,,,12,A,B")));

        error.Field.ShouldBe("1.1");
        error.Message.ShouldContain("qualitative scale");
    }

    [Theory]
    [InlineData("2%", 0.02)]
    [InlineData("0.02", 0.02)]
    [InlineData("0.5 %", 0.005)]
    public void ReadCsv_ProbabilityLikelihood_IsKeptAsProbability(string text, double expected)
    {
        var a = Read(Header, GoodRow.Replace(",5,C,,,,", $",5,{text},,,,")).Input!.Scenarios[0].Assessments[0];

        a.Likelihood.Probability!.Value.ShouldBe(expected, 1e-15);
    }

    [Theory]
    [InlineData("2", "not 2")]
    [InlineData("X", "X is not a likelihood class")]
    [InlineData("", "likelihood is empty")]
    public void ReadCsv_BadLikelihood_IsReported(string text, string expected)
    {
        var error = SingleError(Read(Header, GoodRow.Replace(",5,C,,,,", $",5,{text},,,,")));

        error.Field.ShouldBe("likelihood");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void ReadCsv_ThreatWithSubJudgements_NeedsNoLikelihoodButOverrideNeedsReason()
    {
        var threat = GoodRow.Replace("hazard", "threat").Replace(",5,C,,,,", ",5,,D,C,B,");
        var overridden = threat.Replace("ann", "bob").Replace(",5,,D,C,B,", ",5,E,D,C,B,");

        var ok = Read(Header, threat);
        ok.Errors.ShouldBeEmpty();
        ok.Input!.Scenarios[0].Assessments[0].Likelihood.Threat!.Intent.ShouldBe(ImpactClass.D);

        var error = SingleError(Read(Header, threat, overridden));
        error.Line.ShouldBe(3);
        error.Field.ShouldBe("override_reason");

        var withReason = Read(Header + ",override_reason", threat + ",", overridden + ",attack announced");
        withReason.Errors.ShouldBeEmpty();
        withReason.Input!.Scenarios[0].Assessments[1].Likelihood.OverrideReason.ShouldBe("attack announced");
    }

    [Fact]
    public void ReadCsv_IntentOnHazard_IsRefused() =>
        SingleError(Read(Header, GoodRow.Replace(",5,C,,,,", ",5,C,C,,,"))).Field.ShouldBe("intent");

    [Theory]
    [InlineData("Ongerubriceerd", 0)]
    [InlineData("Dep.V", 1)]
    [InlineData("departementaal vertrouwelijk", 1)]
    [InlineData("Stg.C", 2)]
    [InlineData("STG. GEHEIM", 3)]
    [InlineData("Staatsgeheim Zeer Geheim", 4)]
    [InlineData("stg.zg", 4)]
    public void ReadCsv_ClassificationMarkings_MapToLevels(string marking, int level) =>
        Read(Header, GoodRow.Replace("Ongerubriceerd", marking)).Input!.Scenarios[0].ClassificationLevel.ShouldBe(level);

    [Fact]
    public void ReadCsv_UnknownClassification_ListsTheAllowedMarkings()
    {
        var error = SingleError(Read(Header, GoodRow.Replace("Ongerubriceerd", "Geheim")));
        error.Field.ShouldBe("classification");
        error.Message.ShouldContain("Staatsgeheim Geheim (Stg.G)");
    }

    [Fact]
    public void ReadCsv_ScenarioTakesHighestClassificationOfItsRows() =>
        Read(Header, GoodRow, GoodRow.Replace("ann", "bob").Replace("Ongerubriceerd", "Stg.C")).Input!.Scenarios[0].ClassificationLevel.ShouldBe(2);

    [Fact]
    public void ReadCsv_InconsistentTitle_IsReported()
    {
        var error = SingleError(Read(Header, GoodRow, GoodRow.Replace("ann", "bob").Replace("Flood", "Storm")));
        error.Field.ShouldBe("scenario_title");
        error.Message.ShouldContain("same title");
    }

    [Fact]
    public void ReadCsv_TrailingRowsOfEmptyCells_AreIgnored()
    {
        var result = Read(Header, GoodRow, ",,,,,,,,,,,,,,,,,,,,,");

        result.Errors.ShouldBeEmpty();
        result.Input!.Scenarios.ShouldHaveSingleItem().Assessments.Count.ShouldBe(1);
    }

    [Fact]
    public void ReadCsv_SemicolonSeparated_IsRead()
    {
        var result = Read(Header.Replace(',', ';'), GoodRow.Replace(',', ';'));
        result.Errors.ShouldBeEmpty();
        result.Input!.Scenarios.Count.ShouldBe(1);
    }

    [Fact]
    public void ReadXlsx_SameContentAsCsv_GivesSameInput()
    {
        var path = Path.Combine(Path.GetTempPath(), $"baken-assessments-{Environment.ProcessId}.xlsx");
        try
        {
            var columns = Header.Split(',');
            var rows = new[] { GoodRow, GoodRow.Replace("ann", "bob").Replace(",C,,,,", ",2%,,,,") }
                .Select(r => columns.Zip(r.Split(','), (k, v) => (k, v: (object)v)).ToDictionary(x => x.k, x => x.v)).ToList();
            MiniExcelLibs.MiniExcel.SaveAs(path, rows);

            var result = IndicativeNrbCriteria.CreateReader().Read(path);

            result.Errors.ShouldBeEmpty();
            var assessments = result.Input!.Scenarios.ShouldHaveSingleItem().Assessments;
            assessments.Select(a => a.Analyst).ShouldBe(["ann", "bob"]);
            assessments[1].Likelihood.Probability.ShouldBe(0.02);
            assessments[0].Impacts["2.3"].Low.ShouldBe(ImpactClass.C);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadXlsx_BadCell_ReportsSheetRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"baken-assessments-bad-{Environment.ProcessId}.xlsx");
        try
        {
            var columns = Header.Split(',');
            var rows = new[] { GoodRow, GoodRow.Replace("ann", "bob").Replace(",A,B,A,B", ",A,B,A,Q") }
                .Select(r => columns.Zip(r.Split(','), (k, v) => (k, v: (object)v)).ToDictionary(x => x.k, x => x.v)).ToList();
            MiniExcelLibs.MiniExcel.SaveAs(path, rows);

            var error = SingleError(IndicativeNrbCriteria.CreateReader().Read(path));

            error.Line.ShouldBe(3);
            error.Field.ShouldBe("5.3");
            error.Value.ShouldBe("Q");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
