namespace Baken.Domain.Analysis;

/// <summary>
/// A stored integrated analysis: its settings, seed, code version, the snapshot of every input it used and its
/// results. Classified at the highest classification of its inputs. Running the snapshot again with the same
/// seed gives the same results.
/// </summary>
public sealed class AnalysisRun : Record
{
    public DateTime RunAtUtc { get; set; }
    public string Profile { get; set; } = "";
    public double Factor { get; set; }
    public int Iterations { get; set; }
    public long Seed { get; set; }
    public string CodeVersion { get; set; } = "";
    /// <summary>"register" or the name of the assessment file analysed without import.</summary>
    public string InputSource { get; set; } = "";
    public int ScenarioCount { get; set; }
    /// <summary>The assessment table the run used (header and rows), as JSON.</summary>
    public string InputsJson { get; set; } = "[]";
    /// <summary>The settings as recorded by the engine, as JSON.</summary>
    public string SettingsJson { get; set; } = "{}";
    /// <summary>Per scenario: rank, classes, I(s), intervals, consensus per criterion, as JSON.</summary>
    public string ResultsJson { get; set; } = "[]";
    /// <summary>
    /// A concept run: it used assessments that are not validated (drafts, submitted or returned ones, or a file analysed
    /// without import). Only a run of validated assessments is official; every page and report of a concept run says so.
    /// </summary>
    public bool Concept { get; set; }
    /// <summary>
    /// The codes of the register assessments the run used (empty for a file analysed without import).
    /// The blind-round rule hides the run from a reader who may not yet see one of them (docs/workflow.md).
    /// </summary>
    public List<string> AssessmentCodes { get; set; } = [];
    /// <summary>
    /// Null when the Monte Carlo drew from the judgements as stated; otherwise how it widened them where knowledge is weak
    /// (the option <c>Analysis:WidenForWeakKnowledge</c>) and which assessments it widened. The stored inputs are the widened
    /// rows, so the run repeats exactly.
    /// </summary>
    public string? KnowledgeWidening { get; set; }
}
