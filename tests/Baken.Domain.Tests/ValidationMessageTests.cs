using System.Globalization;

namespace Baken.Domain.Tests;

/// <summary>A rule's text as a key with arguments: English exactly as the core writes it, other languages by the key.</summary>
public sealed class ValidationMessageTests
{
    private static readonly MessageTemplate Size = new("allowed.test.size", "a file of at most {0:N0} bytes");
    private static readonly MessageTemplate Because = new("allowed.test.because", "{0} ({1})");

    [Fact]
    public void English_IsTheTemplateFormattedInTheInvariantCulture_WhateverTheThreadCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
            Size.With(20_000_000).English.ShouldBe("a file of at most 20,000,000 bytes");
        }
        finally { CultureInfo.CurrentCulture = previous; }
    }

    [Fact]
    public void Render_UsesTheLanguagesFormat_ItsCultureForNumbers_AndRendersNestedMessagesTheSameWay()
    {
        var dutch = new Dictionary<string, string> { ["allowed.test.size"] = "een bestand van ten hoogste {0:N0} bytes", ["allowed.test.because"] = "{0} ({1})" };
        var message = Because.With(Size.With(1_500), ValidationMessage.Verbatim("zip: bad {header}"));

        message.Render(CultureInfo.GetCultureInfo("nl-NL"), t => dutch.GetValueOrDefault(t.Key))
            .ShouldBe("een bestand van ten hoogste 1.500 bytes (zip: bad {header})");
        message.English.ShouldBe("a file of at most 1,500 bytes (zip: bad {header})");
    }

    [Fact]
    public void ATemplateWithoutArguments_IsShownAsWritten_BracesIncluded()
    {
        ValidationMessage json = new MessageTemplate("allowed.test.json", "a JSON object such as {\"year\": 2021}");
        json.English.ShouldBe("a JSON object such as {\"year\": 2021}");
        json.Render(CultureInfo.InvariantCulture, _ => null).ShouldBe(json.English);
    }

    [Fact]
    public void AVerbatimText_HasNoKey_AndReadsTheSameInEveryLanguage()
    {
        var text = ValidationMessage.Verbatim("Unexpected end of file {0}");
        text.IsVerbatim.ShouldBeTrue();
        text.Render(CultureInfo.GetCultureInfo("nl-NL"), _ => "vertaald").ShouldBe("Unexpected end of file {0}");
    }

    [Theory]
    [InlineData("a whole number from 1 to 5", 3, "line 3: level: 'x' is not allowed; allowed: a whole number from 1 to 5")]
    [InlineData("A submitted assessment is frozen until a coordinator returns it.", null, "level: 'x' — A submitted assessment is frozen until a coordinator returns it.")]
    public void FieldProblem_IsTheOneEnglishSentence_ForExceptionsAndErrorsAlike(string allowed, int? line, string expected)
    {
        FieldProblem.Describe("level", "x", allowed, line).ShouldBe(expected);
        if (line is null) new DomainValidationException("level", "x", ValidationMessage.Verbatim(allowed)).Message.ShouldBe(expected);
    }
}
