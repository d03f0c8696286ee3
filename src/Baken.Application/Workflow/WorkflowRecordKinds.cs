using Baken.Domain;
using W = Baken.Domain.Workflow;

namespace Baken.Application.Register;

/// <summary>
/// The network's work (issue 15): cycles, their assignments and likelihood reviews. They are made and changed only by
/// the workflow use cases (role checks there), so the register shows them and keeps their history but does not edit them.
/// </summary>
public static partial class RecordKinds
{
    public static readonly RecordKind Cycle = Kind<W.AssessmentCycle>("cycle", "cycles", "Beoordelingsrondes", "Assessment cycles", "title",
        db => db.Cycles, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Codes("scenarios", "Scenarios of the cycle", r => r.Scenarios, (r, v) => r.Scenarios = v, "scenario")
            .Date("due", "Deadline for the assessments", r => r.Due, (r, v) => r.Due = v ?? default)
            .Enum("status", "Open or closed", r => r.Status, (r, v) => r.Status = v)
            .Text("panel", "Expert panel", r => r.Panel, (r, v) => r.Panel = v)
            .Int("round", "Delphi round: 1 blind, 2 convergence", r => r.Round, (r, v) => r.Round = v, 1, 2),
        readOnly: true);

    public static readonly RecordKind CycleAssignment = Kind<W.CycleAssignment>("cycle-assignment", "cycle-assignments", "Toewijzingen", "Cycle assignments", "scenario",
        db => db.CycleAssignments, b => b
            .Text("cycle", "Cycle", r => r.CycleCode, (r, v) => r.CycleCode = v!, required: true, references: "cycle")
            .Text("scenario", "Scenario", r => r.ScenarioCode, (r, v) => r.ScenarioCode = v!, required: true, references: "scenario")
            .Names("analysts", "Analysts (user names) separated by ';'", r => r.Analysts, (r, v) => r.Analysts = v, empty: "")
            .Names("organisations", "Organisations separated by ';'", r => r.Organisations, (r, v) => r.Organisations = v)
            .Date("due", "Deadline", r => r.Due, (r, v) => r.Due = v ?? default),
        readOnly: true);

    public static readonly RecordKind LikelihoodReview = Kind<W.LikelihoodReview>("likelihood-review", "likelihood-reviews", "Kanstoetsingen", "Likelihood reviews", "scenario",
        db => db.LikelihoodReviews, b => b
            .Text("alert", "The alert that asked for it", r => r.AlertCode, (r, v) => r.AlertCode = v!, required: true, references: "alert")
            .Text("scenario", "Scenario whose likelihood is reviewed", r => r.ScenarioCode, (r, v) => r.ScenarioCode = v!, required: true, references: "scenario")
            .Names("analysts", "Analysts (user names) separated by ';'", r => r.Analysts, (r, v) => r.Analysts = v, empty: "")
            .Text("evidence", "What the alert says", r => r.Evidence, (r, v) => r.Evidence = v, multiline: true)
            .Date("due", "Deadline", r => r.Due, (r, v) => r.Due = v ?? default)
            .Enum("status", "Open or closed", r => r.Status, (r, v) => r.Status = v)
            .Enum("decision", "No change or revised", r => r.Decision, (r, v) => r.Decision = v)
            .Text("revised_assessment", "The revised assessment", r => r.RevisedAssessment, (r, v) => r.RevisedAssessment = v)
            .Text("decision_note", "Why", r => r.DecisionNote, (r, v) => r.DecisionNote = v, multiline: true),
        readOnly: true);

    public static readonly RecordKind Comment = Kind<W.Comment>("comment", "comments", "Opmerkingen", "Comments", "scenario",
        db => db.Comments, b => b
            .Text("scenario", "The scenario discussed", r => r.ScenarioCode, (r, v) => r.ScenarioCode = v!, required: true, references: "scenario")
            .Text("criterion", "The impact criterion discussed (empty: the scenario as a whole)", r => r.CriterionCode, (r, v) => r.CriterionCode = v, references: "criterion")
            .Text("reply_to", "The comment this one answers", r => r.ReplyTo, (r, v) => r.ReplyTo = v, references: "comment")
            .Text("body", "The comment (rich text, sanitised when shown)", r => r.Body, (r, v) => r.Body = v ?? "", required: true, multiline: true)
            .Text("author", "Who wrote it (user name)", r => r.Author, (r, v) => r.Author = v ?? ""),
        readOnly: true);
}
