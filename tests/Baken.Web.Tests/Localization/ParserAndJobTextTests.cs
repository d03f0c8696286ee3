using Baken.Methods.Risk;
using Baken.Application.Jobs;
using Baken.Domain;

namespace Baken.Web.Tests.Localization;

/// <summary>
/// Issue 17: the analysis's parse messages (a class, a quantity) and a job's notes (cancelled, started again) are catalogue
/// texts: Dutch for a Dutch reader, moments in the page's culture, and the English the CLI and the API have always shown.
/// </summary>
public sealed class ParserAndJobTextTests
{
    [Fact]
    public void AnImpossibleClassRange_IsExplainedInDutch_AndInTheParsersEnglish()
    {
        ClassJudgement.TryRead("D-B", out _, out var problem).ShouldBeFalse();
        ClassJudgement.TryParse("D-B", out _, out var english).ShouldBeFalse();

        var (dutch, page) = RefusalTextTests.Read(ValidationMessage.From(problem!));
        english.ShouldBe("'D-B' is an impossible range: D lies above B; write the lower class first (e.g. B-D).");
        page.ShouldBe(english);
        dutch.ShouldBe("'D-B' is een onmogelijk bereik: D ligt boven B; schrijf de lagere klasse eerst (bijv. B-D).");
    }

    [Fact]
    public void ADecimalComma_InAQuantity_IsExplainedInDutch()
    {
        QuantityParser.TryRead("2,5 bn", out _, out var problem).ShouldBeFalse();
        QuantityParser.TryParse("2,5 bn", out _, out var english).ShouldBeFalse();

        var (dutch, page) = RefusalTextTests.Read(ValidationMessage.From(problem!));
        page.ShouldBe(english);
        english.ShouldBe("'2,5 bn': commas are read as thousands separators (1,000,000); a decimal comma is not accepted, write 2.5 instead of 2,5.");
        dutch.ShouldStartWith("'2,5 bn': komma's gelden als scheiding van duizendtallen");
    }

    [Fact]
    public void ACancellation_KeptWithTheJob_ReadsInDutch_WithTheMomentInTheDutchForm()
    {
        var note = JobNotes.CancelledAt.With("ana", new DateTime(2026, 12, 3, 10, 15, 30, DateTimeKind.Utc));

        var kept = JobProblems.Read(JobProblems.Write([JobProblems.Plain(note)])).ShouldHaveSingleItem();

        JobProblems.English(kept).ShouldBe("cancelled by ana at 2026-12-03 10:15:30 UTC");
        var (dutch, english) = RefusalTextTests.Read(kept.Message);
        english.ShouldBe("cancelled by ana at 2026-12-03 10:15:30 UTC");
        dutch.ShouldBe("geannuleerd door ana op 3 december 2026 10:15:30 UTC");
    }
}
