using System.Globalization;

namespace Baken.Methods;

/// <summary>
/// One text of the analysis's parsers (a class "B-D~C", a quantity "€2.1 bn"): a stable key and the English composite
/// format. Baken.Methods knows no host and no resources; a host translates a <see cref="ParseProblem"/> by its key
/// (Baken.Domain turns it into a catalogue message), and the English is what the CLI and the API have always said.
/// </summary>
public sealed record ParseText(string Key, string English)
{
    public ParseProblem With(params object[] args) => new(this, args);
}

/// <summary>What was wrong with a parsed text: the <see cref="ParseText"/> and its arguments (the text given, classes).</summary>
public sealed record ParseProblem(ParseText Text, IReadOnlyList<object> Args)
{
    /// <summary>The English sentence (invariant culture).</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, Text.English, [.. Args]);

    public override string ToString() => English;
}
