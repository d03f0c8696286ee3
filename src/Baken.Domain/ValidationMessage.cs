using System.Globalization;
using Baken.Methods;

namespace Baken.Domain;

/// <summary>
/// One text of the catalogue of what a value may be ("a year from {0} to {1}"): a stable key that hosts translate
/// (Baken.Web's Ui.resx holds the Dutch text under the key) and the English composite format, which the CLI, the
/// API and English pages show. Declare each as a <c>static readonly</c> field next to the rule that uses it: the
/// catalogue test finds every such field by reflection and fails when a language lacks its text.
/// </summary>
public sealed class MessageTemplate(string key, string english)
{
    /// <summary>The resource key, <c>allowed.&lt;feature&gt;.&lt;rule&gt;</c>; never reworded once shipped.</summary>
    public string Key { get; } = key;

    /// <summary>The English text, a composite format ({0}, {1:N0}) rendered in the invariant culture.</summary>
    public string English { get; } = english;

    public ValidationMessage With(params object[] args) => new(this, args);

    /// <summary>True for the frame of a text from outside Baken (<see cref="ValidationMessage.Verbatim"/>), which has no key.</summary>
    public bool IsVerbatim => Key.Length == 0;

    public static implicit operator ValidationMessage(MessageTemplate template) => new(template, []);

    public override string ToString() => English;
}

/// <summary>
/// What a value may be, as a key with arguments: <see cref="English"/> is the text the CLI and the API show (exactly the
/// text the core has always written); a host renders <see cref="Template"/>'s key in its reader's language with
/// <see cref="Render"/>. Arguments are codes, numbers or other messages and templates (rendered in the same language).
/// </summary>
public sealed class ValidationMessage
{
    private static readonly MessageTemplate VerbatimTemplate = new("", "{0}");

    public ValidationMessage(MessageTemplate template, IReadOnlyList<object> args)
    {
        Template = template;
        Args = args;
    }

    public MessageTemplate Template { get; }
    public IReadOnlyList<object> Args { get; }
    public string Key => Template.Key;

    /// <summary>True for a text the core did not write (a library's or a feed's own words): every language shows it as given.</summary>
    public bool IsVerbatim => Template.IsVerbatim;

    /// <summary>The English text (invariant culture).</summary>
    public string English => Render(CultureInfo.InvariantCulture, t => t.English);

    /// <summary>
    /// The text in a language: <paramref name="format"/> gives a template's format in it (null or empty: the English one),
    /// numbers and dates follow <paramref name="culture"/>, and arguments that are messages are rendered the same way.
    /// </summary>
    public string Render(IFormatProvider culture, Func<MessageTemplate, string?> format)
    {
        var text = IsVerbatim ? Template.English : format(Template) is { Length: > 0 } f ? f : Template.English;
        if (Args.Count == 0) return text;
        var args = Args.Select(a => a switch
        {
            ValidationMessage m => m.Render(culture, format),
            MessageTemplate t => ((ValidationMessage)t).Render(culture, format), // a word of the catalogue ("edit"), without arguments
            _ => a,
        }).ToArray();
        return string.Format(culture, text, args);
    }

    /// <summary>A problem of the analysis's parsers (a class, a quantity) as a catalogue message under the parser's own key.</summary>
    public static ValidationMessage From(ParseProblem problem) =>
        new(new MessageTemplate(problem.Text.Key, problem.Text.English), [.. problem.Args.Select(a => a is ParseProblem part ? From(part) : a)]);

    /// <summary>A text from outside Baken (an exception of a file library, a feed's report), shown as written in every language.</summary>
    public static ValidationMessage Verbatim(string text) => new(VerbatimTemplate, [text]);

    public override string ToString() => English;
}
