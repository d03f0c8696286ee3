using System.Globalization;
using Baken.Application.Common;
using Baken.Domain;

namespace Baken.Application.Tests.Common;

/// <summary>
/// English messages carry English numbers whatever the culture of the request or the terminal (issue 17: a Dutch request
/// got "4.096" inside an English sentence).
/// </summary>
public sealed class MessageNumberTests
{
    [Fact]
    public void EnglishMessages_UseEnglishDigitGrouping_UnderADutchCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            ProblemList.OmittedText(4096).ShouldContain("4,096 more problem(s)");
            var errors = Enumerable.Range(1, 1200).Select(i => new FieldError("code", i.ToString(CultureInfo.InvariantCulture), ValidationMessage.Verbatim("a code"), i)).ToList();
            var capped = Result<int>.Invalid(errors).Errors[^1];
            capped.Value.ShouldBe("1,100 more");
            capped.Allowed.ShouldContain("of 1,200 problems");
            capped.ToString().ShouldNotContain("1.200");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
