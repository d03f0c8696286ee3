using System.Globalization;
using System.Text.RegularExpressions;

namespace Baken.Methods.Risk;

/// <summary>
/// Reads a quantity typed into an assessment cell. Accepted: a number in invariant notation ("350", "2.1", "1e9",
/// "1,000,000" with commas as thousands separators, "1 000"), optionally preceded by a currency sign (€, $, £) or
/// followed by a currency code (EUR), a scale word (k/thousand, m/mln/million, bn/b/billion/mld/miljard,
/// tn/trillion) and a free unit word ("deaths", "people"). "€2.1 bn", "2.1bn EUR", "500 m", "350 deaths" all work.
/// The unit word is not checked against the scale: the criterion's column already fixes the unit. Note that "m" is
/// million (as in "€500 m"), never metre. A decimal comma ("2,5") is refused because it is ambiguous with
/// thousands separators.
/// </summary>
public static partial class QuantityParser
{
    [GeneratedRegex(@"^\s*(?<cur>[€$£])?\s*(?<num>[0-9][0-9,  ]*(\.[0-9]+)?([eE][+-]?[0-9]+)?|\.[0-9]+)\s*(?<mult>[A-Za-z]+(?![\p{L}\p{N}²³×·/]))?\s*(?<rest>([\p{L}€$£][\p{L}\p{N}²³×·/€$£ ]*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    private static readonly Dictionary<string, double> Multipliers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["k"] = 1e3, ["thousand"] = 1e3, ["duizend"] = 1e3,
        ["m"] = 1e6, ["mn"] = 1e6, ["mln"] = 1e6, ["million"] = 1e6, ["miljoen"] = 1e6,
        ["b"] = 1e9, ["bn"] = 1e9, ["billion"] = 1e9, ["mld"] = 1e9, ["mrd"] = 1e9, ["miljard"] = 1e9,
        ["tn"] = 1e12, ["trillion"] = 1e12, ["biljoen"] = 1e12,
    };

    /// <summary>True when <paramref name="text"/> starts like a number (so it is meant as a quantity, not a class).</summary>
    public static bool LooksLikeQuantity(string? text)
    {
        var t = (text ?? string.Empty).TrimStart();
        return t.Length > 0 && (char.IsAsciiDigit(t[0]) || t[0] is '€' or '$' or '£' || (t[0] == '.' && t.Length > 1 && char.IsAsciiDigit(t[1])));
    }

    /// <summary>Parses a quantity ≥ 0; on failure <paramref name="error"/> says what was wrong and what is accepted.</summary>
    public static bool TryParse(string? text, out double quantity, out string error)
    {
        var ok = TryRead(text, out quantity, out var problem);
        error = problem?.English ?? string.Empty;
        return ok;
    }

    // The parser's texts, by key (the hosts translate them; the catalogue test finds them).
    public static readonly ParseText NotAQuantityText = new("allowed.quantity.notaquantity",
        "'{0}' is not a quantity: write a number such as 350, 2.1e9 or 1,000, optionally with € and a scale word (k, m, bn), e.g. \"€2.1 bn\" or \"350 deaths\".");
    public static readonly ParseText DecimalCommaText = new("allowed.quantity.decimalcomma",
        "'{0}': commas are read as thousands separators (1,000,000); a decimal comma is not accepted, write 2.5 instead of 2,5.");
    public static readonly ParseText NotANumberText = new("allowed.quantity.notanumber", "'{0}': '{1}' is not a number in invariant notation.");
    public static readonly ParseText ScaleWordText = new("allowed.quantity.scaleword", "'{0}': the scale word '{1}' must come straight after the number (e.g. \"2.1 bn EUR\").");
    public static readonly ParseText OutOfRangeText = new("allowed.quantity.outofrange", "'{0}' is out of range: a quantity is a finite number ≥ 0.");

    /// <summary>Parses a quantity ≥ 0; on failure <paramref name="problem"/> says what was wrong and what is accepted, by key.</summary>
    public static bool TryRead(string? text, out double quantity, out ParseProblem? problem)
    {
        quantity = 0;
        problem = null;
        var raw = text ?? string.Empty;
        var m = Pattern().Match(raw);
        if (!m.Success)
        {
            problem = NotAQuantityText.With(raw);
            return false;
        }

        var numberText = m.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (m.Groups["num"].Value.Contains(',') && !Regex.IsMatch(m.Groups["num"].Value.Trim(), @"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"))
        {
            problem = DecimalCommaText.With(raw);
            return false;
        }
        if (!double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problem = NotANumberText.With(raw, m.Groups["num"].Value);
            return false;
        }

        var multiplier = 1.0;
        var rest = m.Groups["rest"].Value.Trim();
        if (m.Groups["mult"].Success)
        {
            var word = m.Groups["mult"].Value;
            if (Multipliers.TryGetValue(word, out var factor))
            {
                multiplier = factor;
            }
            else
            {
                // Not a scale word: it is the start of the unit ("350 deaths").
                rest = (word + " " + rest).Trim();
            }
        }

        // A second scale word after the unit would be ambiguous ("2 EUR bn"); refuse rather than guess.
        foreach (var token in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Multipliers.ContainsKey(token))
            {
                problem = ScaleWordText.With(raw, token);
                return false;
            }
        }

        quantity = value * multiplier;
        if (quantity < 0 || !double.IsFinite(quantity))
        {
            problem = OutOfRangeText.With(raw);
            return false;
        }
        return true;
    }
}
