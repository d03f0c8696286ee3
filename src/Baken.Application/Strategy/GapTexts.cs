using System.Globalization;
using System.Resources;
using Baken.Methods.Strategy;

namespace Baken.Application.Strategy;

/// <summary>
/// A gap's kind and explanation in the reader's language, from GapTexts.resx (Dutch, the neutral resource) and
/// GapTexts.en.resx. They live here, below the hosts, because the workbench's gap list and the released progress report
/// must say the same thing in the same words.
/// </summary>
public static class GapTexts
{
    private static readonly ResourceManager Resources = new("Baken.Application.Strategy.GapTexts", typeof(GapTexts).Assembly);

    /// <summary>The kind of gap ("Doel zonder eigenaar"); its name when the resource has no words for it.</summary>
    public static string Kind(GapKind kind, CultureInfo culture) => Resources.GetString($"enum.GapKind.{kind}", culture) ?? kind.ToString();

    /// <summary>The kind given by name, as in <see cref="GapView.Kind"/>.</summary>
    public static string Kind(string kind, CultureInfo culture) => Enum.TryParse<GapKind>(kind, out var k) ? Kind(k, culture) : kind;

    /// <summary>The explanation from its key and facts, dates and numbers in the culture's form; the analysis's English sentence when the key has no words.</summary>
    public static string Text(Gap gap, CultureInfo culture) => Text(gap.Message, gap.Explanation, culture);

    public static string Text(GapMessage? message, string english, CultureInfo culture)
    {
        if (message is null || Resources.GetString("gap." + message.Key, culture) is not { } format) return english;
        var args = message.Arguments.Select(a => a switch
        {
            DateOnly d => d.ToString("d MMMM yyyy", culture),
            Enum e => Resources.GetString($"enum.{e.GetType().Name}.{e}", culture) ?? e.ToString(),
            double x => x.ToString("#,##0.###", culture),
            _ => a,
        }).ToArray();
        return string.Format(culture, format, args);
    }
}
