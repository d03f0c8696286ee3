using System.Globalization;
using Baken.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baken.Web.Tests.Localization;

/// <summary>
/// Issue 17: an alert's explanation is written by the alert evaluation in a fixed English form and kept in the record (the
/// CLI and the API show it so); the alert's register page says it in Dutch on a Dutch page, other text as written.
/// </summary>
public sealed class AlertExplanationTests
{
    private static string Say(string culture, string note)
    {
        var ui = new Ui(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
        var (ui0, c0) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return ui.AlertExplanation(note);
        }
        finally { CultureInfo.CurrentUICulture = ui0; CultureInfo.CurrentCulture = c0; }
    }

    [Fact]
    public void AThresholdCrossing_IsDutchOnADutchPage_AndAsWrittenOnAnEnglishOne()
    {
        const string note = "Gemelde ransomware-incidenten: 13.5 incidenten on 2026-09-01 crosses the amber threshold (12).";

        Say("nl-NL", note).ShouldBe("Gemelde ransomware-incidenten: 13,5 incidenten op 2026-09-01 overschrijdt de oranje drempel (12).");
        Say("en-GB", note).ShouldBe(note);
        Say("nl-NL", "Supplier share: 0.62 HHI 0–1 on 2026-01-01 crosses the red threshold (0.6).")
            .ShouldBe("Supplier share: 0,62 HHI 0–1 op 2026-01-01 overschrijdt de rode drempel (0,6).");
    }

    [Fact]
    public void AJump_IsDutchOnADutchPage_AndOtherTextIsShownAsWritten()
    {
        Say("nl-NL", "Conflict deaths Sahel: 4200 deaths in 2024 is 3.2 times the mean of the years before (1300).")
            .ShouldBe("Conflict deaths Sahel: 4200 deaths in 2024 is 3,2 keer het gemiddelde van de jaren ervoor (1300).");
        Say("nl-NL", "handmatig vastgelegd").ShouldBe("handmatig vastgelegd");
    }
}
