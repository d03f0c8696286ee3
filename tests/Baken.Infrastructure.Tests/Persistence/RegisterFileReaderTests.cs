using System.Text;
using Baken.Application.Register;
using Baken.Infrastructure.Files;

namespace Baken.Infrastructure.Tests.Persistence;

public sealed class RegisterFileReaderTests
{
    private static RegisterFileContent Read(string text, RegisterFileFormat format) =>
        RegisterFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format);

    [Fact]
    public void Csv_WithQuotedCommasAndLineBreaks_KeepsTheText()
    {
        var content = Read("code,title\nR-1,\"Aanval, groot\"\nR-2,\"twee\nregels\"\n", RegisterFileFormat.Csv);
        content.Errors.ShouldBeEmpty();
        content.Rows.Select(r => r.Values["title"]).ShouldBe(["Aanval, groot", "twee\nregels"]);
        content.Rows.Select(r => r.Line).ShouldBe([2, 3]);
    }

    [Theory]
    [InlineData("", RegisterFileFormat.Csv, "file")]
    [InlineData("code,code\nR-1,R-2\n", RegisterFileFormat.Csv, "header")]
    [InlineData("code,title\nR-1,a,b\n", RegisterFileFormat.Csv, "row")]
    [InlineData("{ \"records\": [ {\"code\": \"R-1\" ", RegisterFileFormat.Json, "file")]
    [InlineData("{ \"kind\": \"risk\" }", RegisterFileFormat.Json, "records")]
    [InlineData("[1, 2]", RegisterFileFormat.Json, "record")]
    [InlineData("not a zip file at all", RegisterFileFormat.Xlsx, "file")]
    public void MalformedFiles_AreReportedWithTheFieldThatIsWrong(string text, RegisterFileFormat format, string field)
    {
        var content = Read(text, format);
        content.Errors.ShouldNotBeEmpty();
        content.Errors[0].Field.ShouldBe(field);
        content.Errors[0].Allowed.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Json_WithKindAndRecords_IsRead()
    {
        var content = Read("""{ "kind": "risk", "records": [ { "code": "R-1", "title": "x", "compartments": ["NUC", "CYB"], "publishable": true } ] }""", RegisterFileFormat.Json);
        content.Kind.ShouldBe("risk");
        content.Rows.Single().Values["compartments"].ShouldBe("NUC;CYB");
        content.Rows.Single().Values["publishable"].ShouldBe("true");
    }
}

public sealed class FormulaInjectionTests
{
    [Fact]
    public void CsvExport_EscapesFormulas_AndImportRestoresTheText()
    {
        var kind = RecordKinds.Risk;
        var view = new RecordView("risk", "R-1", "=HYPERLINK(\"http://x\")", "Ongerubriceerd", [], 1, DateTime.UnixEpoch, "a", null, false,
            new Dictionary<string, string?> { ["title"] = "=HYPERLINK(\"http://x\")", ["kind"] = "threat", ["description"] = "-5 graden" });
        using var ms = new MemoryStream();
        RegisterFileWriter.Write(ms, kind, [view], RegisterFileFormat.Csv);
        var text = Encoding.UTF8.GetString(ms.ToArray());
        text.ShouldContain("'=HYPERLINK");
        text.ShouldNotContain(",=HYPERLINK");
        ms.Position = 0;
        var back = RegisterFileReader.Read(ms, RegisterFileFormat.Csv);
        back.Rows.Single().Values["title"].ShouldBe("=HYPERLINK(\"http://x\")");
        back.Rows.Single().Values["description"].ShouldBe("-5 graden");
    }
}
