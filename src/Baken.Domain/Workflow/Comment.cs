namespace Baken.Domain.Workflow;

/// <summary>
/// A remark in the analysts' discussion of a scenario (issue 15): on the scenario as a whole or on one of its impact
/// criteria, optionally a reply to another comment on the same scenario. Marked at least as high as the scenario it
/// discusses (and a reply at least as high as its parent), so a reader who may see the comment may see what it is about.
/// Code = "{scenario}.{author}.{n}", counted over the author's own comments only (it says nothing about anyone else's).
/// </summary>
public sealed class Comment : Record
{
    public string ScenarioCode { get; set; } = "";
    /// <summary>The impact criterion discussed (a catalogue criterion code), or null for the scenario as a whole.</summary>
    public string? CriterionCode { get; set; }
    /// <summary>The code of the comment this one answers (on the same scenario), or null for a new thread.</summary>
    public string? ReplyTo { get; set; }
    /// <summary>Rich text as written; it is sanitised whenever it is shown as HTML, never changed in store.</summary>
    public string Body { get; set; } = "";
    /// <summary>The user name of who wrote it; only they change or remove it.</summary>
    public string Author { get; set; } = "";
}
