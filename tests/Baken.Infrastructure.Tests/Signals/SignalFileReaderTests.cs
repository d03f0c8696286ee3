using System.Text;
using Baken.Methods.Signals;
using Baken.Infrastructure.Signals;

namespace Baken.Infrastructure.Tests.Signals;

public class SignalFileReaderTests
{
    static SignalFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static SignalFileContent Csv(string text, Encoding? encoding = null) =>
        SignalFileReader.ReadCsv(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)));

    private static SignalFileContent Json(string text) => SignalFileReader.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void ReadCsv_CommaSeparatedUtf8_ReadsAllFields()
    {
        const string csv = """
            date,title,summary,source,url,reliability,credibility,classification,tags
            2024-03-01,"Storing, Randstad",Grote stroomstoring,NOS,https://nos.nl/a,b,2,Ongerubriceerd,vital-process:VP-01; sector:energy
            """;

        var content = Csv(csv);

        content.Errors.ShouldBeEmpty();
        var row = content.Rows.Single();
        row.Number.ShouldBe(2);
        row.Date.ShouldBe(new DateOnly(2024, 3, 1));
        row.Title.ShouldBe("Storing, Randstad");
        row.Source.ShouldBe("NOS");
        row.Url.ShouldBe("https://nos.nl/a");
        row.Reliability.ShouldBe('B');
        row.Credibility.ShouldBe('2');
        row.Classification.ShouldBe("Ongerubriceerd");
        row.Tags.ShouldBe(["vital-process:VP-01", "sector:energy"]);
    }

    [Fact]
    public void ReadCsv_SemicolonWindows1252_DecodesAccents()
    {
        const string csv = "date;title;source;tags\r\n01-03-2024;Crisis in België, café gesloten;RIVM;country:BEL\r\n";

        var content = Csv(csv, Encoding.GetEncoding(1252));

        content.Errors.ShouldBeEmpty();
        content.Rows.Single().Title.ShouldBe("Crisis in België, café gesloten");
        content.Rows.Single().Date.ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void ReadCsv_BadValues_GiveErrorsNamingLineFieldValueAndAllowed()
    {
        const string csv = """
            date,title,source,url,reliability,credibility,tags
            2024-13-01,Ok title,NOS,,A,1,
            2024-03-02,,NOS,ftp://x,G,7,energy
            2024-03-03,Good,NOS,,,,theme:T1
            """;

        var content = Csv(csv);

        content.Rows.Select(r => r.Title).ShouldBe(["Good"]);
        content.Rows.Single().Number.ShouldBe(4);
        content.Errors.ShouldContain(new SignalFileError("line 2", "date", "2024-13-01", "a date yyyy-MM-dd (or dd-MM-yyyy, or an ISO 8601 date-time)"));
        var line3 = content.Errors.Where(e => e.Location == "line 3").ToArray();
        line3.Select(e => e.Field).ShouldBe(["title", "url", "reliability", "credibility", "tags"]);
        line3.Single(e => e.Field == "reliability").Allowed.ShouldContain("A–F");
        line3.Single(e => e.Field == "tags").Value.ShouldBe("energy");
        line3.Single(e => e.Field == "credibility").ToString().ShouldBe(
            "line 3: credibility '7' is not allowed; expected one digit 1–6 (Admiralty information credibility), or empty");
    }

    [Fact]
    public void ReadCsv_MissingRequiredAndUnknownColumns_AreHeaderErrors()
    {
        var content = Csv("date,titel,source\n2024-01-01,x,y\n");

        content.Rows.ShouldBeEmpty();
        content.Errors.ShouldContain(e => e.Field == "header" && e.Value == "titel");
        content.Errors.ShouldContain(e => e.Field == "header" && e.Value == "(no title column)");
    }

    [Fact]
    public void ReadCsv_RowWithWrongCellCount_IsAnError()
    {
        var content = Csv("date,title,source\n2024-01-01,x\n2024-01-02,y,z\n");

        content.Errors.Single().ShouldBe(new SignalFileError("line 2", "row", "2 cells", "3 cells, one per header column"));
        content.Rows.Single().Title.ShouldBe("y");
    }

    [Fact]
    public void ReadJson_ArrayOfObjects_ReadsTagsAsArrayOrString()
    {
        const string json = """
            [
              { "date": "2024-03-01", "title": "A", "source": "AIVD", "tags": ["actor:A-1", "interest:2"], "credibility": 3, "reliability": "c" },
              { "date": "2024-03-02T23:30:00+01:00", "title": "B", "source": "MIVD", "tags": "country:RUS;sector:energy" }
            ]
            """;

        var content = Json(json);

        content.Errors.ShouldBeEmpty();
        content.Rows[0].Tags.ShouldBe(["actor:A-1", "interest:2"]);
        content.Rows[0].Credibility.ShouldBe('3');
        content.Rows[0].Reliability.ShouldBe('C');
        content.Rows[1].Date.ShouldBe(new DateOnly(2024, 3, 2)); // the date as written, not shifted to UTC
        content.Rows[1].Tags.ShouldBe(["country:RUS", "sector:energy"]);
    }

    [Fact]
    public void ReadJson_BadRecords_AreErrorsNamingTheRecord()
    {
        const string json = """[ { "date": "2024-03-01", "title": "A" }, 5, { "date": "x", "title": "B", "source": "S", "colour": "red" } ]""";

        var content = Json(json);

        content.Rows.ShouldBeEmpty();
        content.Errors.ShouldContain(new SignalFileError("record 1", "source", "", "a non-blank source (feed, organisation or person)"));
        content.Errors.ShouldContain(e => e.Location == "record 2" && e.Value == "Number");
        content.Errors.ShouldContain(e => e.Location == "record 3" && e.Field == "property" && e.Value == "colour");
    }

    [Fact]
    public void ReadJson_Malformed_SaysWhere()
    {
        var content = Json("[ { \"date\": \"2024-01-01\", }\n  { ] ");

        content.Rows.ShouldBeEmpty();
        content.Errors.Single().Value.ShouldStartWith("line 2");
    }

    [Fact]
    public void Read_UnknownExtension_IsAnError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"signals-{Environment.ProcessId}.txt");
        File.WriteAllText(path, "x");
        try
        {
            SignalFileReader.Read(path).Errors.Single().Allowed.ShouldBe("a .csv or .json file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToSignalItem_FileRow_KeepsFieldsAndWeighsGrades()
    {
        var row = Csv("date,title,source,reliability,credibility,tags\n2024-03-01,Cable cut,KPN,B,2,vital-process:VP-07\n").Rows.Single();

        var signal = row.ToSignalItem("row-2");

        signal.Id.ShouldBe("row-2");
        signal.Tags.ShouldBe(["vital-process:VP-07"]);
        row.GradeWeight().ShouldBe(0.64, 1e-12);
        var pressure = PressureEvent.FromSignal(signal, row.GradeWeight())!;
        pressure.Targets.ShouldBe(["vital-process:VP-07"]);
        pressure.SourceId.ShouldBe("KPN");
    }
}
