using Baken.Application.Register;
using Baken.Domain.Dependencies;

namespace Baken.Infrastructure.Reports.Dependencies;

/// <summary>
/// A dependency's options in a document's language (reports and language-bound exports; the web's words for the same
/// values are the <c>enum.DependencyOption.*</c> and <c>enum.DependencyOptionStatus.*</c> resources).
/// </summary>
public static class DependencyOptionLabels
{
    public static string Label(DependencyOption? option, string language)
    {
        var nl = language != "en";
        return option switch
        {
            DependencyOption.AcceptOrDelay => nl ? "accepteren of uitstellen" : "accept or delay",
            DependencyOption.Diversify => nl ? "diversifiëren" : "diversify",
            DependencyOption.Stockpile => nl ? "voorraad aanleggen" : "stockpile",
            DependencyOption.Substitute => nl ? "substitueren" : "substitute",
            DependencyOption.CounterPower => nl ? "tegenmacht uitoefenen" : "exercise counter-power",
            _ => nl ? "overig" : "other",
        };
    }

    public static string Label(DependencyOptionChoice choice, string language) => Label(choice.Option, language);

    public static string Status(DependencyOptionStatus status, string language)
    {
        var nl = language != "en";
        return status switch
        {
            DependencyOptionStatus.Chosen => nl ? "gekozen" : "chosen",
            DependencyOptionStatus.Rejected => nl ? "verworpen" : "rejected",
            _ => nl ? "overwogen" : "considered",
        };
    }

    /// <summary>"diversifiëren (gekozen): tweede leverancier …".</summary>
    public static string Line(DependencyOptionChoice choice, string language) =>
        choice.IsOther ? $"{Label(choice, language)}: {choice.Rationale?.ReplaceLineEndings(" ")}"
        : $"{Label(choice, language)} ({Status(choice.Status, language)})" + (choice.Rationale is { } r ? ": " + r.ReplaceLineEndings(" ") : "");

    /// <summary>
    /// A record as exported for a reader of <paramref name="language"/>: its lists of choices as <see cref="Line"/>s, one per
    /// line. The register's parser reads these words too, so such a file can still be imported.
    /// </summary>
    public static RecordView Localise(RecordView view, RecordKind kind, string language)
    {
        var lists = kind.Fields.Where(f => f.IsChoiceList).ToList();
        if (lists.Count == 0) return view;
        var fields = new Dictionary<string, string?>(view.Fields, StringComparer.Ordinal);
        foreach (var f in lists)
        {
            var choices = DependencyOptionText.FromStored(view.Structured?.TryGetValue(f.Name, out var json) == true ? json.GetRawText() : view.Fields.GetValueOrDefault(f.Name));
            fields[f.Name] = choices.Count == 0 ? null : string.Join("\n", choices.Select(c => Line(c, language)));
        }
        return view with { Fields = fields };
    }

    /// <summary>Every option as <see cref="Line"/>, separated by "; ".</summary>
    public static string Text(IReadOnlyList<DependencyOptionChoice> choices, string language) => string.Join("; ", choices.Select(c => Line(c, language)));
}
