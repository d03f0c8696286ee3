namespace Baken.Infrastructure.Reports.Documents;

/// <summary>
/// A report as a sequence of blocks, written to DOCX by <see cref="DocxWriter"/> and to HTML by
/// <see cref="HtmlDocumentWriter"/>: e.g. the biennial progress report on the national security strategy (public and
/// classified versions) or a council meeting's agenda and papers pack. The values are checked here, so the writers can
/// trust them; characters that XML 1.0 cannot carry (control characters, unpaired surrogates) are accepted here and
/// left out by the writers.
/// </summary>
public sealed record ReportDocument
{
    /// <param name="Title">The document title (printed first and stored as the DOCX title property); at least one visible character.</param>
    /// <param name="Language">The document language: <c>"nl"</c> (written as nl-NL) or <c>"en"</c> (written as en-GB); case-insensitive, stored in lower case.</param>
    /// <param name="ClassificationMarking">The classification marking, e.g. <c>ONGERUBRICEERD</c> or <c>STG. GEHEIM – compartment NUC</c>, printed at the top and bottom of every page; at least one visible character.</param>
    /// <param name="Blocks">The content, in reading order; may be empty, no null elements.</param>
    /// <param name="Subtitle">Printed under the title; null or blank for none.</param>
    /// <param name="DateText">The date as it should read, e.g. <c>"november 2026"</c>, printed under the (sub)title; null or blank for none. Text, not a date, so the caller decides format and language.</param>
    public ReportDocument(
        string Title,
        string Language,
        string ClassificationMarking,
        IReadOnlyList<DocumentBlock> Blocks,
        string? Subtitle = null,
        string? DateText = null)
    {
        this.Title = Title;
        this.Language = Language;
        this.ClassificationMarking = ClassificationMarking;
        this.Blocks = Blocks;
        this.Subtitle = Subtitle;
        this.DateText = DateText;
    }

    public string Title { get; init => field = DocumentText.RequireVisible(value, nameof(Title), "a report document needs a title"); }

    /// <summary><c>"nl"</c> or <c>"en"</c>.</summary>
    public string Language
    {
        get;
        init
        {
            var code = value?.Trim().ToLowerInvariant();
            field = code is "nl" or "en"
                ? code
                : throw new ArgumentException($"Language is {DocumentText.Quote(value)}; allowed are \"nl\" and \"en\".", nameof(Language));
        }
    }

    public string ClassificationMarking { get; init => field = DocumentText.RequireVisible(value, nameof(ClassificationMarking), "every page must carry a classification marking, e.g. ONGERUBRICEERD"); }

    public IReadOnlyList<DocumentBlock> Blocks
    {
        get;
        init
        {
            if (value is null) throw new ArgumentException("Blocks is null; pass a list of blocks (it may be empty).", nameof(Blocks));
            var copy = value.ToArray();
            var gap = Array.IndexOf(copy, null);
            if (gap >= 0) throw new ArgumentException($"Blocks[{gap}] is null; every block must be a Heading, Paragraph, BulletList, Table, Notice or PageBreak.", nameof(Blocks));
            field = Array.AsReadOnly(copy);
        }
    }

    public string? Subtitle { get; init; }

    public string? DateText { get; init; }
}
