using System.Collections;
using System.Globalization;
using System.Resources;
using Baken.Methods.Strategy;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain;
using Baken.Domain.Users;
using Baken.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baken.Web.Tests.Components;

/// <summary>
/// The resources behind <see cref="Ui"/>: both languages hold the same keys (a key missing in English would fall back
/// to Dutch), every field and enum value of the register has its words, and messages are said in the reader's language.
/// </summary>
public sealed class LocalizationResourceTests
{
    private static readonly ResourceManager Resources = new("Baken.Web.Localization.Ui", typeof(Ui).Assembly);

    private static HashSet<string> Keys(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);

    private static Ui NewUi() =>
        new(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static T In<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousCulture;
        }
    }

    [Fact]
    public void DutchAndEnglish_HoldTheSameKeys()
    {
        var dutch = Keys("");
        var english = Keys("en");
        dutch.Count.ShouldBeGreaterThan(900);
        // What values may be (allowed.*) has its English in the core's message catalogue, not in Ui.en.resx
        // (MessageCatalogueTests checks each catalogue key has its Dutch resource and its English template).
        dutch.Where(k => !k.StartsWith("allowed.", StringComparison.Ordinal)).Except(english)
            .ShouldBeEmpty("keys without English (they would read Dutch on English pages)");
        english.Except(dutch).ShouldBeEmpty("keys without Dutch");
    }

    [Fact]
    public void EveryFieldOfEveryKind_HasALabelAndAHelpText_AndEveryEnumValueItsWords()
    {
        var keys = Keys("");
        var missing = new List<string>();
        foreach (var kind in RecordKinds.All)
            foreach (var f in kind.Fields)
            {
                if (!keys.Contains($"field.{kind.Name}.{f.Name}") && !keys.Contains($"field.{f.Name}")) missing.Add($"field.{f.Name}");
                if (!keys.Contains($"hint.{kind.Name}.{f.Name}")) missing.Add($"hint.{kind.Name}.{f.Name}");
                if (f.EnumType is { } type)
                    missing.AddRange(Enum.GetNames(type).Select(n => $"enum.{type.Name}.{n}").Where(k => !keys.Contains(k)));
            }
        missing.AddRange(Roles.All.Select(r => $"role.{r}").Where(k => !keys.Contains(k)));
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void FieldLabelsAndEnumValues_AreWords_InEachLanguage()
    {
        var ui = NewUi();
        var scenario = RecordKinds.Scenario;
        In("nl", () => ui.FieldLabel(scenario, scenario.Field("horizon_years")!)).ShouldBe("Horizon (jaren)");
        In("en", () => ui.FieldLabel(scenario, scenario.Field("horizon_years")!)).ShouldBe("Horizon (years)");
        In("nl", () => ui.FieldValue(scenario.Field("kind")!, "hazard")).ShouldBe("gevaar");
        In("en", () => ui.FieldValue(RecordKinds.Actor.Field("actor_type")!, "non-state")).ShouldBe("non-state");
        In("nl", () => ui.FieldValue(RecordKinds.Actor.Field("actor_type")!, "non-state")).ShouldBe("niet-statelijk");
        In("nl", () => ui.Role("PolicyOwner")).ShouldBe("Beleidseigenaar");
        In("en", () => ui.Role("PolicyOwner")).ShouldBe("Policy owner");
        In("nl", () => ui.EnumText("StrategyPillar", "Verdedigen")).ShouldBe("Verdedigen");
        In("en", () => ui.EnumText("StrategyPillar", "Verdedigen")).ShouldBe("Defend");
    }

    [Fact]
    public void GapExplanation_IsSaidInTheReadersLanguage_WithDatesAndStatusesInTheirWords()
    {
        var message = new GapMessage("measure.overdue", new DateOnly(2026, 3, 1), 12, MeasureProgress.InProgress);
        GapTexts.Text(message, "English", Nl).ShouldBe("De maatregel moest op 1 maart 2026 zijn ingevoerd, 12 dagen geleden, maar de status is 'in uitvoering'.");
        GapTexts.Text(message, "English", En).ShouldBe("The measure was due for implementation on 1 March 2026, 12 days ago, but its status is 'in progress'.");
        // A message without words of its own keeps the analysis's English sentence rather than showing a key.
        GapTexts.Text(new GapMessage("no.such.key"), "The English sentence.", Nl).ShouldBe("The English sentence.");
        GapTexts.Kind(GapKind.GoalWithoutOwner, Nl).ShouldBe("Doel zonder eigenaar");
        GapTexts.Kind(GapKind.GoalWithoutOwner, En).ShouldBe("Goal without owner");
    }

    [Fact]
    public void GapTexts_HoldTheSameKeysInBothLanguages_AndWordsForEveryKind()
    {
        var dutch = GapKeys(CultureInfo.InvariantCulture);
        var english = GapKeys(CultureInfo.GetCultureInfo("en"));
        dutch.SetEquals(english).ShouldBeTrue("keys in one language only: " + string.Join(", ", dutch.Except(english).Concat(english.Except(dutch))));
        Enum.GetNames<GapKind>().Select(n => $"enum.GapKind.{n}").Where(k => !dutch.Contains(k)).ShouldBeEmpty();
        Enum.GetNames<MeasureProgress>().Select(n => $"enum.MeasureProgress.{n}").Where(k => !dutch.Contains(k)).ShouldBeEmpty();
    }

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    private static HashSet<string> GapKeys(CultureInfo culture) =>
        new ResourceManager("Baken.Application.Strategy.GapTexts", typeof(GapTexts).Assembly)
            .GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void GapAnalysis_GivesEveryGapAMessageThatHasWords()
    {
        var keys = GapKeys(CultureInfo.InvariantCulture);
        var today = new DateOnly(2026, 6, 1);
        var report = GapAnalysis.Find(
            [new RankedScenario("S-1", "Scenario", 1)],
            [new GoalInfo("G-1", "Goal", null, [], ["M-X"])],
            [new MeasureInfo("M-1", "Measure", "BZ", MeasureProgress.Planned, ["S-9"], today.AddDays(-3))],
            [
                new IndicatorInfo("I-1", "Indicator", "G-9", 0, 10, IndicatorDirection.Increase, today.AddDays(-5), null, null, 30),
                new IndicatorInfo("I-2", "Indicator", "G-1", 0, 10, IndicatorDirection.Increase, null, today.AddDays(-400), 4, 30),
                new IndicatorInfo("I-3", "Indicator", "G-1", 0, 10, IndicatorDirection.Increase, null, today.AddDays(-25), 4, 30),
            ],
            [new FollowUpInfo("A-1", "Action", "BZ", today.AddDays(-2), false, "RVI")],
            today, new GapSettings());
        report.Gaps.Select(g => g.Kind).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
        foreach (var gap in report.Gaps)
        {
            gap.Message.ShouldNotBeNull(gap.Explanation);
            keys.ShouldContain("gap." + gap.Message.Key, gap.Explanation);
        }
    }

    [Fact]
    public void CountryNames_ComeInTheReadersLanguage_ByIso3()
    {
        var ui = NewUi();
        In("nl", () => ui.Country("YEM", "Yemen")).ShouldBe("Jemen");
        In("en", () => ui.Country("YEM", "Yemen")).ShouldBe("Yemen");
        In("nl", () => ui.Country("ZZZ", "Nowhere")).ShouldBe("Nowhere");
    }

    /// <summary>
    /// The register's own rules (a field's <see cref="RecordField.Set"/> refusing a value), not hand-written texts: the
    /// Dutch comes from the rule's catalogue key, so a reworded English rule still reads Dutch.
    /// </summary>
    [Fact]
    public void AProblem_IsToldInDutchOnDutchPages_WithTheFieldsLabelAndNumbersInThePagesCulture()
    {
        static FieldError Refused(RecordKind kind, string field, string value, int? line = null, string? shown = null)
        {
            var e = Should.Throw<DomainValidationException>(() => kind.Field(field)!.Set(kind.Create(), value));
            return new FieldError(field, shown ?? value, e.Allowed, line);
        }
        var cases = new (FieldError Problem, string Dutch)[]
        {
            (Refused(RecordKinds.Scenario, "title", "", 3), "regel 3: Titel: '' is niet toegestaan; toegestaan: verplichte tekst van ten hoogste 400 tekens"),
            (Refused(RecordKinds.Measure, "description", new string('x', 20_001), 1234, shown: "x"),
                "regel 1.234: Beschrijving: 'x' is niet toegestaan; toegestaan: tekst van ten hoogste 20.000 tekens zonder stuurtekens"),
            (Refused(RecordKinds.Scenario, "horizon_years", "999"), "Horizon (jaren): '999' is niet toegestaan; toegestaan: een geheel getal van 1 tot en met 100"),
            (new FieldError("scenario", "S-X", RecordReferences.Existing("scenario")), "Scenario: 'S-X' is niet toegestaan; toegestaan: de code van een bestaand record uit Scenario's"),
            (new FieldError("code", "a b", RecordCode.Rule),
                "Code: 'a b' is niet toegestaan; toegestaan: 1 tot 64 tekens: letters, cijfers, '.', '-' of '_', beginnend met een letter of cijfer"),
        };
        var ui = NewUi();
        foreach (var (problem, dutch) in cases)
        {
            In("nl", () => ui.Problem(problem)).ShouldBe(dutch);
            In("en", () => ui.Problem(problem)).ShouldBe(problem.ToString(), "English pages say what the CLI and the API say");
        }
    }
}
