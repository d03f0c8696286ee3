using System.Text;
using Baken.Methods.CountryRisk;
using Baken.Infrastructure.CountryRisk;
using Baken.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.CountryRisk;

public class InformCountryFileReaderTests
{
    private const string Header2016 =
        "COUNTRY,ISO3,Earthquake,Flood,Tsunami,Tropical Cyclone,Drought,Natural,Projected Conflict Risk," +
        "Current Highly Violent Conflict Intensity,Human,HAZARD & EXPOSURE,Development & Deprivation,Inequality," +
        "Aid Dependency,Socio-Economic Vulnerability,Uprooted people,Health Conditions,Children U5,Recent Shocks," +
        "Food Security,Other Vulnerable Groups,Vulnerable Groups,VULNERABILITY,DRR,Governance,Institutional," +
        "Communication,Physical infrastructure,Access to health care,Infrastructure,LACK OF COPING CAPACITY";

    private const string AlbaniaScores2016 =
        "6.3,4.5,7.5,0,5.1,5.1,0.4,0,0.3,3,2,2.2,2.9,2.3,0,0.3,1.3,1.5,4.3,2,1,1.7,x,6.2,6.2,2.4,1.6,5.2,3.1,4.8";

    [Fact]
    public void Read_Release2016_DetectsModelAndUtf8()
    {
        var file = InformCountryFileReader.Read(SharedData.File("inform/INFORM-2016.csv"));

        file.Model.ShouldBeSameAs(InformModels.Release2016);
        file.EncodingName.ShouldBe("utf-8");
        file.UnmatchedNodes.ShouldBeEmpty();
        file.Countries.Count.ShouldBe(191);
        file.Countries.Single(c => c.Iso3 == "CIV").Country.ShouldBe("Côte d'Ivoire");
        // Algeria's Recent Shocks is published as "0.00E+00".
        file.Countries.Single(c => c.Iso3 == "DZA").Scores["recent_shocks"].ShouldBe(0.0);
    }

    [Fact]
    public void Read_Release2020_DetectsModelAndWindows1252()
    {
        var file = InformCountryFileReader.Read(SharedData.File("inform/inform_gri_2020_v040.csv"));

        file.Model.ShouldBeSameAs(InformModels.Release2020);
        file.EncodingName.ShouldBe("windows-1252");
        file.Countries.Single(c => c.Iso3 == "CIV").Country.ShouldBe("Côte d'Ivoire");
        file.Countries.Single(c => c.Iso3 == "AFG").PublishedRisk.ShouldBe(8.0);
        file.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_MissingMarkedX_IsNullNotZero()
    {
        var file = Read($"{Header2016},INFORM RISK\nAlbania,ALB,{AlbaniaScores2016},2.9\n");

        var albania = file.Countries.Single();
        albania.Scores["drr"].ShouldBeNull();
        albania.Scores["governance"].ShouldBe(6.2);
        albania.PublishedRisk.ShouldBe(2.9);
    }

    [Fact]
    public void Read_RiskColumnWithoutHeader_FindsItAfterLackOfCopingCapacity()
    {
        var file = Read($"{Header2016},,Rank\nAlbania,ALB,{AlbaniaScores2016},2.9,111\n");

        file.Countries.Single().PublishedRisk.ShouldBe(2.9);
        file.UnmatchedNodes.ShouldBeEmpty();
    }

    [Fact]
    public void Read_BlankLinesAndCommaOnlyLines_AreSkipped()
    {
        var file = Read($"\n{Header2016},INFORM RISK\n\n,,,\nAlbania,ALB,{AlbaniaScores2016},2.9\n\n");

        file.Countries.Select(c => c.Iso3).ShouldBe(["ALB"]);
    }

    [Fact]
    public void Read_Windows1252Bytes_DecodesAccentedNames()
    {
        var text = $"{Header2016},INFORM RISK\n\"Côte d'Ivoire, Republic of\",CIV,{AlbaniaScores2016},2.9\n";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

        var file = InformCountryFileReader.Read(bytes);

        file.EncodingName.ShouldBe("windows-1252");
        file.Countries.Single().Country.ShouldBe("Côte d'Ivoire, Republic of");
    }

    [Fact]
    public void Read_ScoreOutOfRangeOrNotANumber_IsMissingWithWarning()
    {
        var scores = AlbaniaScores2016.Replace("6.3,4.5", "63,#VALUE!");

        var file = Read($"{Header2016},INFORM RISK\nAlbania,ALB,{scores},2.9\n");

        file.Countries.Single().Scores["earthquake"].ShouldBeNull();
        file.Countries.Single().Scores["flood"].ShouldBeNull();
        file.Warnings.Count.ShouldBe(2);
        file.Warnings[0].ShouldContain("ALB");
        file.Warnings[0].ShouldContain("Earthquake");
    }

    [Fact]
    public void Read_NoIso3Column_ThrowsInvalidData()
    {
        var ex = Should.Throw<InvalidDataException>(() => Read("Country,Risk\nAlbania,2.9\n"));
        ex.Message.ShouldContain("ISO3");
    }

    [Fact]
    public void Read_FootnoteRows_AreIgnored()
    {
        var file = Read($"{Header2016},INFORM RISK\nAlbania,ALB,{AlbaniaScores2016},2.9\n(*) see methodology,,,\n");

        file.Countries.Count.ShouldBe(1);
    }

    [Property(MaxTest = 200, Replay = "(31337,5)")]
    public Property Read_MutatedReleaseBytes_ReadsOrRefusesWithInvalidData()
    {
        var original = File.ReadAllBytes(SharedData.File("inform/INFORM-2016.csv")).Take(4000).ToArray();
        var mutation =
            from edits in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, original.Length - 1), Gen.Choose(0, 255)), 6)
            from cut in Gen.Choose(0, original.Length)
            select (edits, cut);

        return Prop.ForAll(mutation.ToArbitrary(), m =>
        {
            var bytes = original.Take(m.cut).ToArray();
            foreach (var (position, value) in m.edits) if (position < bytes.Length) bytes[position] = (byte)value;
            try
            {
                var file = InformCountryFileReader.Read(bytes);
                // Whatever survives is a valid evaluation input.
                foreach (var row in file.Countries) InformEvaluator.Evaluate(file.Model, row.Scores, InformLevel.SubComponent);
                return file.Countries.Count > 0;
            }
            catch (InvalidDataException)
            {
                return true;
            }
        });
    }

    private static InformCountryFile Read(string text) => InformCountryFileReader.Read(Encoding.UTF8.GetBytes(text));
}
