using Baken.Application.Common;
using System.Globalization;
using Baken.Analysis.Measures;
using Baken.Domain;

namespace Baken.Application.Strategy;

/// <summary>
/// The effects of a measure as analysts write them, one line per scenario (docs/formats.md):
/// <c>S-01: likelihood 0.6-0.7-0.8; 2.1 0.2-0.4; 3.1 0.1</c>. "likelihood" is the multiplier on the scenario's
/// probability, each other entry the fraction of a criterion's impact removed. A range is low-high (most likely in
/// the middle), low-mostlikely-high, or one number.
/// </summary>
public static class MeasureEffectText
{
    public const string Allowed =
        "one line per scenario: 'SCENARIO: likelihood LOW-HIGH; CRITERION LOW-HIGH; …' with the likelihood multiplier in (0, 1] and " +
        "impact reductions in [0, 1]; a range is one number, low-high or low-mostlikely-high (e.g. 'S-01: likelihood 0.6-0.8; 2.1 0.2-0.3-0.4')";

    public static IReadOnlyList<MeasureEffect> Parse(string? text, string field = "effects")
    {
        var effects = new List<MeasureEffect>();
        if (string.IsNullOrWhiteSpace(text)) return effects;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new DomainValidationException(field, line, AllowedTexts.StrategyEffects);
            var scenario = line[..colon].Trim();
            EffectRange? likelihood = null;
            var reductions = new Dictionary<string, EffectRange>(StringComparer.Ordinal);
            foreach (var part in line[(colon + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length != 2) throw new DomainValidationException(field, part, AllowedTexts.StrategyEffects);
                var range = ParseRange(words[1], field, part);
                if (string.Equals(words[0], "likelihood", StringComparison.OrdinalIgnoreCase)) likelihood = range;
                else if (!reductions.TryAdd(words[0], range)) throw new DomainValidationException(field, part, AllowedTexts.StrategyEachCriterionOncePer);
            }
            try
            {
                if (effects.Any(e => e.ScenarioId == scenario)) throw new ArgumentException($"scenario '{scenario}' appears on two lines");
                effects.Add(new MeasureEffect(scenario, likelihood, reductions));
            }
            catch (ArgumentException e)
            {
                throw new DomainValidationException(field, line, AllowedTexts.StrategyEffectsBecause.With(AllowedTexts.StrategyEffects, ValidationMessage.Verbatim(FirstSentence(e.Message))));
            }
        }
        return effects;
    }

    /// <summary>The scenario codes named by the text, without checking the numbers.</summary>
    public static IEnumerable<string> ScenarioCodes(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.IndexOf(':') > 0).Select(l => l[..l.IndexOf(':')].Trim());

    private static EffectRange ParseRange(string text, string field, string part)
    {
        var numbers = new List<double>();
        foreach (var n in text.Split('-'))
        {
            if (!double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                throw new DomainValidationException(field, part, AllowedTexts.StrategyEffects);
            numbers.Add(d);
        }
        try
        {
            return numbers.Count switch
            {
                1 => EffectRange.Exactly(numbers[0]),
                2 => new EffectRange(numbers[0], (numbers[0] + numbers[1]) / 2, numbers[1]),
                3 => new EffectRange(numbers[0], numbers[1], numbers[2]),
                _ => throw new DomainValidationException(field, part, AllowedTexts.StrategyEffects),
            };
        }
        catch (ArgumentException e)
        {
            throw new DomainValidationException(field, part, AllowedTexts.StrategyEffectsBecause.With(AllowedTexts.StrategyEffects, ValidationMessage.Verbatim(FirstSentence(e.Message))));
        }
    }

    private static string FirstSentence(string message) => message.Split(" (Parameter", 2)[0];
}
