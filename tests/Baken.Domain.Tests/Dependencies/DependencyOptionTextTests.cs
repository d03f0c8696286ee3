using Baken.Domain.Dependencies;

namespace Baken.Domain.Tests.Dependencies;

/// <summary>A dependency's options: the text and JSON forms, their refusals, and the migration of the old free text.</summary>
public sealed class DependencyOptionTextTests
{
    [Fact]
    public void TextForm_ReadsOptionsSeparatedBySemicolons_AndLinesWithStatusAndRationale()
    {
        DependencyOptionText.Parse("diversify;stockpile").ShouldBe([new(DependencyOption.Diversify), new(DependencyOption.Stockpile)]);
        var lines = DependencyOptionText.Parse("diversify (chosen): two suppliers; 15% dearer\ncounter-power (rejected): escalates\naccept-or-delay");
        lines.ShouldBe([
            new(DependencyOption.Diversify, DependencyOptionStatus.Chosen, "two suppliers; 15% dearer"),
            new(DependencyOption.CounterPower, DependencyOptionStatus.Rejected, "escalates"),
            new(DependencyOption.AcceptOrDelay)]);
        DependencyOptionText.Parse(DependencyOptionText.Format(lines)).ShouldBe(lines);
        DependencyOptionText.Format([new(DependencyOption.Diversify), new(DependencyOption.Substitute, DependencyOptionStatus.Chosen)]).ShouldBe("diversify;substitute (chosen)");
    }

    [Fact]
    public void JsonForm_IsAnArrayOfObjects_AndRoundTrips()
    {
        var choices = DependencyOptionText.Parse("""[{"option":"stockpile","status":"chosen","rationale":"six months"},{"option":"other","rationale":"ask the EU"}]""");
        choices.ShouldBe([new(DependencyOption.Stockpile, DependencyOptionStatus.Chosen, "six months"), new(null, DependencyOptionStatus.Considered, "ask the EU")]);
        DependencyOptionText.ToJson(choices).ShouldBe("""[{"option":"stockpile","status":"chosen","rationale":"six months"},{"option":"other","status":"considered","rationale":"ask the EU"}]""");
        DependencyOptionText.FromStored(DependencyOptionText.ToJson(choices)).ShouldBe(choices);
    }

    [Theory]
    [InlineData("nationalise: costly", "nationalise: costly")]
    [InlineData("diversify;stockpil", "stockpil")]
    [InlineData("diversify (maybe): x", "diversify (maybe): x")]
    [InlineData("diversify\ndiversify: again", "diversify")]
    [InlineData("other", "other")]
    [InlineData("""[{"option":"nationalise"}]""", "nationalise")]
    [InlineData("""[{"option":"diversify","status":"perhaps"}]""", "perhaps")]
    [InlineData("""[{"option":"diversify","cost":3}]""", "cost")]
    public void AnUnreadablePart_IsAFieldErrorNamingThePartAndTheAllowedOptions(string text, string part)
    {
        var e = Should.Throw<DomainValidationException>(() => DependencyOptionText.Parse(text, "options"));
        e.Field.ShouldBe("options");
        e.Value.ShouldBe(part);
        e.Message.ShouldContain(part);
        if (!e.AllowedValues.StartsWith("members", StringComparison.Ordinal) && !e.AllowedValues.StartsWith("status", StringComparison.Ordinal))
            e.AllowedValues.ShouldContain("accept-or-delay, diversify, stockpile, substitute, counter-power");
    }

    [Fact]
    public void EarlierWordsAndDutchWords_NameTheFrameworksOptions_AndTheWordWrittenIsKept()
    {
        DependencyOptionText.Parse("delay: wait for the EU\ntegenmacht (gekozen)").ShouldBe([
            new(DependencyOption.AcceptOrDelay, DependencyOptionStatus.Considered, "delay: wait for the EU"),
            new(DependencyOption.CounterPower, DependencyOptionStatus.Chosen)]);
    }

    [Fact]
    public void Migrate_MapsKnownWords_KeepsEverythingElseAsAnOtherNote_AndLosesNoWord()
    {
        const string old = """
            Overleg met Japan loopt sinds 2021.
            diversify: tweede leverancier binnen drie jaar
            15% duurder
            stockpile: voorraad voor zes maanden
            accept: niets doen kost €0
            Zie ook: de Kamerbrief van 2020
            stockpile: eenmalig €40m
            """;
        var migrated = DependencyOptionText.Migrate(old);
        migrated.ShouldBe([
            new(DependencyOption.Diversify, DependencyOptionStatus.Considered, "tweede leverancier binnen drie jaar\n15% duurder"),
            new(DependencyOption.Stockpile, DependencyOptionStatus.Considered, "voorraad voor zes maanden\neenmalig €40m"),
            new(DependencyOption.AcceptOrDelay, DependencyOptionStatus.Considered, "accept: niets doen kost €0"),
            new(null, DependencyOptionStatus.Considered, "Overleg met Japan loopt sinds 2021.\nZie ook: de Kamerbrief van 2020")]);
        // Nothing lost: every word of the old text is in the options (the option names are their enum values).
        var kept = string.Join(" ", migrated.Select(c => DependencyOptionText.Name(c) + " " + c.Rationale));
        foreach (var word in old.Split([' ', '\n', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            kept.ShouldContain(word);
        // The migrated options are a valid record value: they survive the strict text and JSON forms.
        DependencyOptionText.Parse(DependencyOptionText.ToJson(migrated)).ShouldBe(migrated);
    }

    [Fact]
    public void FromStored_ReadsOldFreeTextThroughTheMigration()
    {
        DependencyOptionText.FromStored("[zie bijlage]").ShouldBe([new(null, DependencyOptionStatus.Considered, "[zie bijlage]")]);
        DependencyOptionText.FromStored("diversify: x").ShouldBe([new(DependencyOption.Diversify, DependencyOptionStatus.Considered, "x")]);
        DependencyOptionText.FromStored(null).ShouldBeEmpty();
    }
}
