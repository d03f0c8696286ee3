using System.Text;
using System.Xml;

namespace Baken.Infrastructure.Reports.Documents;

/// <summary>Checks and cleaning of document text shared by the model and both writers.</summary>
internal static class DocumentText
{
    private const int QuotedLength = 60;

    public static string RequireVisible(string? value, string field, string why)
    {
        if (value is null || string.IsNullOrWhiteSpace(XmlSafe(value)))
            throw new ArgumentException($"{field} is {Quote(value)}; {why} with at least one visible character.", field);
        return value;
    }

    public static string RequireNotNull(string? value, string field, string owner) =>
        value ?? throw new ArgumentException($"{owner} {field} is null; pass text (it may be empty).", field);

    public static IReadOnlyList<string> CopyCells(IReadOnlyList<string>? values, string field, string owner)
    {
        if (values is null) throw new ArgumentException($"{owner} {field} is null; pass a list of strings.", field);
        var copy = values.ToArray();
        var gap = Array.IndexOf(copy, null);
        if (gap >= 0) throw new ArgumentException($"{owner} {field}[{gap}] is null; pass text (it may be empty).", field);
        return Array.AsReadOnly(copy);
    }

    /// <summary>A value for an error message: quoted, and cut short so a 100 000-character text does not flood the log.</summary>
    public static string Quote(string? value) => value switch
    {
        null => "null",
        { Length: <= QuotedLength } => $"'{value}'",
        _ => $"'{value[..QuotedLength]}…' ({value.Length} characters)",
    };

    /// <summary>
    /// The text without the characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
    /// return; unpaired surrogates; U+FFFE and U+FFFF). DOCX is XML, so they would make the file unreadable; they never
    /// carry meaning in report text, so they are dropped rather than rejected.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var firstBad = FirstInvalid(text);
        if (firstBad < 0) return text;

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>The text split at every line break (CR LF, CR or LF), cleaned with <see cref="XmlSafe"/>.</summary>
    public static string[] Lines(string text) => XmlSafe(text).ReplaceLineEndings("\n").Split('\n');

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!XmlConvert.IsXmlChar(c)) return i;
        }
        return -1;
    }
}
