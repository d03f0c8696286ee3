using Baken.Application.Common;
using System.Globalization;
using Baken.Methods.Measures;
using Baken.Domain;
using Baken.Domain.Strategy;

namespace Baken.Application.Strategy;

/// <summary>
/// The effects of a measure as analysts write them, one line per scenario (docs/formats.md):
/// <c>S-01: likelihood 0.6-0.7-0.8; 2.1 0.2-0.4; 3.1 0.1</c>. "likelihood" is the multiplier on the scenario's
/// probability, each other entry the fraction of a criterion's impact removed. A range is low-high (most likely in
/// the middle), low-mostlikely-high, or one number. The text form of <see cref="Measure.Effects"/>: read into typed
/// <see cref="ScenarioEffect"/>s by the record field (import, forms, command line) and written back for export.
/// </summary>
public static class MeasureEffectText
{
    public const string Allowed =
        "one line per scenario: 'SCENARIO: likelihood LOW-HIGH; CRITERION LOW-HIGH; …' with the likelihood multiplier in (0, 1] and " +
        "impact reductions in [0, 1]; a range is one number, low-high or low-mostlikely-high (e.g. 'S-01: likelihood 0.6-0.8; 2.1 0.2-0.3-0.4')";

    public static IReadOnlyList<ScenarioEffect> Parse(string? text, string field = "effects")
    {
        var effects = new List<ScenarioEffect>();
        if (string.IsNullOrWhiteSpace(text)) return effects;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new DomainValidationException(field, line, AllowedTexts.StrategyEffects);
            var scenario = line[..colon].Trim();
            EffectRange? likelihood = null;
            var reductions = new List<CriterionReduction>();
            foreach (var part in line[(colon + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length != 2) throw new DomainValidationException(field, part, AllowedTexts.StrategyEffects);
                var range = ParseRange(words[1], field, part);
                if (string.Equals(words[0], "likelihood", StringComparison.OrdinalIgnoreCase)) likelihood = range;
                else if (reductions.Any(r => r.Criterion == words[0])) throw new DomainValidationException(field, part, AllowedTexts.StrategyEachCriterionOncePer);
                else reductions.Add(new CriterionReduction(words[0], range));
            }
            try
            {
                if (effects.Any(e => e.Scenario == scenario)) throw new ArgumentException($"scenario '{scenario}' appears on two lines");
                effects.Add(new ScenarioEffect(scenario, likelihood, reductions));
            }
            catch (ArgumentException e)
            {
                throw new DomainValidationException(field, line, AllowedTexts.StrategyEffectsBecause.With(AllowedTexts.StrategyEffects, ValidationMessage.Verbatim(FirstSentence(e.Message))));
            }
        }
        return effects;
    }

    /// <summary>The text form: one line per scenario, the likelihood first, then the criteria in the order written.</summary>
    public static string? Format(IReadOnlyList<ScenarioEffect>? effects) =>
        effects is null || effects.Count == 0 ? null : string.Join("\n", effects.Select(e =>
            e.Scenario + ": " + string.Join("; ", (e.Likelihood is { } l ? [$"likelihood {Range(l)}"] : Array.Empty<string>())
                .Concat(e.Reductions.Select(r => $"{r.Criterion} {Range(r.Reduction)}")))));

    /// <summary>One number when exact, low-high when the most likely value is the middle, else low-mostlikely-high.</summary>
    private static string Range(EffectRange r)
    {
        static string N(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Low == r.MostLikely && r.MostLikely == r.High) return N(r.Low);
        return r.MostLikely == (r.Low + r.High) / 2 ? $"{N(r.Low)}-{N(r.High)}" : $"{N(r.Low)}-{N(r.MostLikely)}-{N(r.High)}";
    }

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
