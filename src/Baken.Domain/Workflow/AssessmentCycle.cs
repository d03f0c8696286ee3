namespace Baken.Domain.Workflow;

public enum CycleStatus { Open, Closed }

/// <summary>
/// A round of the analyst network's work (METHODS §7): a coordinator opens it for a set of scenarios, assigns each
/// scenario to organisations and named analysts, and closes it. Classified at the highest of its scenarios, so its
/// list of scenario codes says nothing to someone who may not see them.
/// </summary>
public sealed class AssessmentCycle : Record
{
    public string Title { get; set; } = "";
    /// <summary>Scenario codes.</summary>
    public List<string> Scenarios { get; set; } = [];
    public DateOnly Due { get; set; }
    public CycleStatus Status { get; set; }
    /// <summary>The optional expert panel (names or organisations), free text.</summary>
    public string? Panel { get; set; }
    /// <summary>
    /// The Delphi round (METHODS §7): 1 = blind (an analyst sees other analysts' scores of the cycle's scenarios only
    /// after submitting their own), 2 = convergence (the group's anonymised distribution, revisions with a reason).
    /// Moved on by a coordinator only; a new cycle starts in round 1.
    /// </summary>
    public int Round { get; set; } = 1;
}

/// <summary>One scenario of a cycle given to named analysts (and their organisations). Code = "{cycle}.{scenario}".</summary>
public sealed class CycleAssignment : Record
{
    public string CycleCode { get; set; } = "";
    public string ScenarioCode { get; set; } = "";
    /// <summary>Analyst user names.</summary>
    public List<string> Analysts { get; set; } = [];
    /// <summary>Organisation codes.</summary>
    public List<string> Organisations { get; set; } = [];
    public DateOnly Due { get; set; }
}

public enum ReviewStatus { Open, Closed }

public enum ReviewDecision { None, NoChange, Revised }

/// <summary>
/// A likelihood review an alert asked for: the analysts of the linked scenario look at the evidence and decide that
/// the likelihood stands (no change) or name their revised assessment. Code = "REV-{alert}-{scenario}".
/// </summary>
public sealed class LikelihoodReview : Record
{
    public string AlertCode { get; set; } = "";
    public string ScenarioCode { get; set; } = "";
    /// <summary>Analyst user names.</summary>
    public List<string> Analysts { get; set; } = [];
    /// <summary>What the alert says: the indicator, its value and level.</summary>
    public string? Evidence { get; set; }
    public DateOnly Due { get; set; }
    public ReviewStatus Status { get; set; }
    public ReviewDecision Decision { get; set; }
    /// <summary>The revised assessment's code when the decision is "revised".</summary>
    public string? RevisedAssessment { get; set; }
    public string? DecisionNote { get; set; }
}
