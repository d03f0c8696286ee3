using System.Globalization;
using Baken.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baken.Web.Tests.Localization;

/// <summary>
/// Issue 17: text Baken writes into a record in a fixed English form — an assessment's status note, the rationale lines
/// of an accepted or refused cascade suggestion, the dependency screen's indicator titles — is kept as written (the CLI
/// and the API show it so) and said in Dutch on a Dutch page; what people wrote inside it, and other text, as written.
/// </summary>
public sealed class WrittenNoteTests
{
    private static T Say<T>(string culture, Func<Ui, T> say)
    {
        var ui = new Ui(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
        var (ui0, c0) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return say(ui);
        }
        finally { CultureInfo.CurrentUICulture = ui0; CultureInfo.CurrentCulture = c0; }
    }

    [Fact]
    public void AStatusNote_IsDutchOnADutchPage_AndAsWrittenOnAnEnglishOne()
    {
        Say("nl-NL", ui => ui.WrittenNote("validated by coordinator-nctv")).ShouldBe("gevalideerd door coordinator-nctv");
        Say("nl-NL", ui => ui.WrittenNote("validated by coordinator-nctv: goed onderbouwd")).ShouldBe("gevalideerd door coordinator-nctv: goed onderbouwd");
        Say("nl-NL", ui => ui.WrittenNote("entered by coordinator-nctv for analist-aivd: uit de werksessie"))
            .ShouldBe("ingevoerd door coordinator-nctv namens analist-aivd: uit de werksessie");
        Say("en-GB", ui => ui.WrittenNote("validated by coordinator-nctv: fine")).ShouldBe("validated by coordinator-nctv: fine");
        Say("nl-NL", ui => ui.WrittenNote("de bron is verouderd")).ShouldBe("de bron is verouderd");
    }

    [Fact]
    public void ACascadeSuggestionsRationaleLines_AreDutchOnADutchPage_LineByLine()
    {
        const string derivation = "1,234 people×days from inoperability-hours over 168 h: VP-ENERGY 48 h (Energy), VP-WATER 12.5 h (Water) (cascade_impact, indicative); 1234 people×days lies in C: 1000 ≤ q < 10000 (scale v1, indicative)";
        var rationale = "Eigen inschatting op basis van de werksessie.\n"
            + $"5.1 accepted by analyst analist-aivd from the cascade simulation: {derivation}\n"
            + $"3.1 accepted by coordinator coordinator-nctv for analyst analist-aivd from the cascade simulation: 0 EUR from inoperability-hours over 168 h: VP-ENERGY 48 h (Energy) (cascade_impact, indicative); no impact (replaces the own judgement 'B')\n"
            + "5.1: cascade suggestion C not taken — de simulatie rekent de noodstroom niet mee";

        var nl = Say("nl-NL", ui => ui.WrittenNote(rationale)).Split('\n');

        nl[0].ShouldBe("Eigen inschatting op basis van de werksessie.");
        nl[1].ShouldBe("5.1 overgenomen door analist analist-aivd uit de cascadesimulatie: 1,234 people×days uit uitvalsuren over 168 uur: VP-ENERGY 48 h (Energy), VP-WATER 12.5 h (Water) (cascade_impact, indicatief); 1234 people×days valt in C: 1000 ≤ q < 10000 (schaal v1, indicatief)");
        nl[2].ShouldBe("3.1 overgenomen door coördinator coordinator-nctv namens analist analist-aivd uit de cascadesimulatie: 0 EUR uit uitvalsuren over 168 uur: VP-ENERGY 48 h (Energy) (cascade_impact, indicatief); geen impact (vervangt het eigen oordeel 'B')");
        nl[3].ShouldBe("5.1: cascadesuggestie C niet overgenomen — de simulatie rekent de noodstroom niet mee");
        Say("en-GB", ui => ui.WrittenNote(rationale)).ShouldBe(rationale);
    }

    [Fact]
    public void ADependencyScreensIndicatorTitle_IsDutchOnADutchPage()
    {
        const string title = "Lithium carbonate (HS 283691) into EU27";
        Say("nl-NL", ui => ui.GeneratedTitle("Supplier concentration of " + title)).ShouldBe("Leveranciersconcentratie van Lithium carbonate (HS 283691) naar EU27");
        Say("en-GB", ui => ui.GeneratedTitle("Supplier concentration of " + title)).ShouldBe("Supplier concentration of " + title);
        Say("nl-NL", ui => ui.GeneratedTitle("Gemelde ransomware-incidenten")).ShouldBe("Gemelde ransomware-incidenten");
        // The alert explanation that quotes such a title says it in Dutch too.
        Say("nl-NL", ui => ui.AlertExplanation("Supplier concentration of Lithium carbonate (HS 283691) into EU27: 0.62 HHI 0–1 on 2026-12-31 crosses the amber threshold (0.4)."))
            .ShouldBe("Leveranciersconcentratie van Lithium carbonate (HS 283691) naar EU27: 0,62 HHI 0–1 op 2026-12-31 overschrijdt de oranje drempel (0,4).");
    }
}
