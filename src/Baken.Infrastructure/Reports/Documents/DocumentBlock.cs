namespace Baken.Infrastructure.Reports.Documents;

/// <summary>
/// One block of a <see cref="ReportDocument"/>. The set of kinds is closed (the writers render each of them):
/// <see cref="Heading"/>, <see cref="Paragraph"/>, <see cref="BulletList"/>, <see cref="Table"/>, <see cref="Notice"/>
/// and <see cref="PageBreak"/>. Text may contain newlines (written as line breaks) and tabs.
/// </summary>
public abstract record DocumentBlock
{
    private protected DocumentBlock()
    {
    }
}

/// <summary>A section heading. Level 1 is a chapter, 2 a section, 3 a subsection (HTML h2..h4, under the title's h1).</summary>
public sealed record Heading : DocumentBlock
{
    /// <param name="Level">1, 2 or 3.</param>
    /// <param name="Text">At least one visible character.</param>
    public Heading(int Level, string Text)
    {
        this.Level = Level;
        this.Text = Text;
    }

    public int Level
    {
        get;
        init => field = value is >= 1 and <= 3
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Level), value, $"Heading Level is {value}; allowed are 1 (chapter), 2 (section) and 3 (subsection).");
    }

    public string Text { get; init => field = DocumentText.RequireVisible(value, nameof(Text), "a heading needs text"); }
}

/// <summary>A paragraph of running text.</summary>
public sealed record Paragraph : DocumentBlock
{
    /// <param name="Text">The text; may be empty (an empty line).</param>
    /// <param name="Emphasis">True prints the whole paragraph in bold (HTML <c>strong</c>), e.g. for a key message.</param>
    public Paragraph(string Text, bool Emphasis = false)
    {
        this.Text = Text;
        this.Emphasis = Emphasis;
    }

    public string Text { get; init => field = DocumentText.RequireNotNull(value, nameof(Text), "Paragraph"); }

    public bool Emphasis { get; init; }
}

/// <summary>An unnumbered list. An empty list is allowed and prints nothing.</summary>
public sealed record BulletList : DocumentBlock
{
    /// <param name="Items">The items, in order; no null items.</param>
    public BulletList(IReadOnlyList<string> Items)
    {
        this.Items = Items;
    }

    public IReadOnlyList<string> Items { get; init => field = DocumentText.CopyCells(value, nameof(Items), "BulletList"); }
}

/// <summary>
/// A table with one header row (repeated on every page in DOCX) and any number of body rows. Every row has exactly
/// one cell per header. Headers and rows cannot be replaced with <c>with</c>, so the shape is always checked.
/// </summary>
public sealed record Table : DocumentBlock
{
    /// <param name="Caption">Printed above the table (HTML <c>caption</c>, DOCX caption paragraph and table title); null or blank for none.</param>
    /// <param name="Headers">The column headers; at least one.</param>
    /// <param name="Rows">The body rows; may be empty; each exactly <c>Headers.Count</c> cells, no null cells.</param>
    /// <exception cref="ArgumentException">A list is null, there are no headers, or a row has the wrong number of cells (the message names the row index and both counts).</exception>
    public Table(string? Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
    {
        this.Caption = Caption;
        this.Headers = DocumentText.CopyCells(Headers, nameof(Headers), "Table");
        if (this.Headers.Count == 0) throw new ArgumentException("Table Headers is empty; a table needs at least one column header.", nameof(Headers));
        if (Rows is null) throw new ArgumentException("Table Rows is null; pass a list of rows (it may be empty).", nameof(Rows));

        var rows = new IReadOnlyList<string>[Rows.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = Rows[i] ?? throw new ArgumentException($"Table Rows[{i}] is null; every row needs {this.Headers.Count} cells (one per header).", nameof(Rows));
            if (row.Count != this.Headers.Count)
                throw new ArgumentException(
                    $"Table Rows[{i}] has {row.Count} cells but the table has {this.Headers.Count} headers; every row needs exactly {this.Headers.Count} cells (one per header).",
                    nameof(Rows));
            rows[i] = DocumentText.CopyCells(row, $"Rows[{i}]", "Table");
        }
        this.Rows = Array.AsReadOnly(rows);
    }

    public string? Caption { get; init; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
}

/// <summary>
/// A boxed, shaded remark set apart from the running text, e.g.
/// "Withheld from this public version: 3 items (Geheim: 2, Stg. Confidentieel: 1)".
/// </summary>
public sealed record Notice : DocumentBlock
{
    /// <param name="Text">At least one visible character.</param>
    public Notice(string Text)
    {
        this.Text = Text;
    }

    public string Text { get; init => field = DocumentText.RequireVisible(value, nameof(Text), "a notice needs text"); }
}

/// <summary>Starts a new page (DOCX page break; HTML <c>break-after: page</c> when printed).</summary>
public sealed record PageBreak : DocumentBlock;
