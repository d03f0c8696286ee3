using Baken.Domain;
using Baken.Domain.Catalogue;
using Baken.Domain.History;
using Baken.Domain.Register;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Baken.Domain.Assessments;
using Baken.Domain.Analysis;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Common;

/// <summary>
/// The database as the use cases see it. Every set of classified records is already filtered to the
/// current user's clearance and compartments by the implementation; no use case can forget to filter.
/// </summary>
public interface IBakenDb
{
    /// <summary>
    /// The records whose code or <paramref name="titleProperty"/> contains <paramref name="term"/> (already trimmed and
    /// lower-cased), ignoring case the way lower() does and taking the term's own % _ and \ literally; each database
    /// matches it the way its indexes serve.
    /// </summary>
    IQueryable<Record> Search(IQueryable<Record> records, string titleProperty, string term);

    DbSet<NationalSecurityInterest> Interests { get; }
    DbSet<ImpactCriterion> Criteria { get; }
    DbSet<CriterionScale> CriterionScales { get; }
    DbSet<Theme> Themes { get; }
    DbSet<Risk> Risks { get; }
    DbSet<Scenario> Scenarios { get; }
    DbSet<Actor> Actors { get; }
    DbSet<Organisation> Organisations { get; }
    DbSet<Source> Sources { get; }
    DbSet<VitalProcess> VitalProcesses { get; }
    DbSet<CatalogueEntry> CatalogueEntries { get; }
    DbSet<StixObjectRecord> StixObjects { get; }
    DbSet<Assessment> Assessments { get; }
    DbSet<AnalysisRun> AnalysisRuns { get; }
    DbSet<Baken.Domain.Strategy.Measure> Measures { get; }
    DbSet<Baken.Domain.Strategy.StrategyGoal> Goals { get; }
    DbSet<Baken.Domain.Strategy.Indicator> Indicators { get; }
    DbSet<Baken.Domain.Strategy.ProgressUpdate> ProgressUpdates { get; }
    DbSet<Baken.Domain.Councils.Council> Councils { get; }
    DbSet<Baken.Domain.Councils.CouncilMember> CouncilMembers { get; }
    DbSet<Baken.Domain.Councils.Meeting> Meetings { get; }
    DbSet<Baken.Domain.Councils.AgendaItem> AgendaItems { get; }
    DbSet<Baken.Domain.Councils.Decision> Decisions { get; }
    DbSet<Baken.Domain.Councils.FollowUpAction> FollowUpActions { get; }
    DbSet<Baken.Domain.Councils.CouncilDocument> CouncilDocuments { get; }
    DbSet<Baken.Domain.Releases.Release> Releases { get; }
    DbSet<Baken.Domain.Signals.Signal> Signals { get; }
    DbSet<Baken.Domain.Signals.Feed> Feeds { get; }
    DbSet<Baken.Domain.Signals.Trend> Trends { get; }
    DbSet<Baken.Domain.Signals.WarningIndicator> WarningIndicators { get; }
    DbSet<Baken.Domain.Signals.Observation> Observations { get; }
    DbSet<Baken.Domain.Signals.Alert> Alerts { get; }
    DbSet<Baken.Domain.Dependencies.StrategicDependency> Dependencies { get; }
    DbSet<Baken.Domain.Capabilities.Capability> Capabilities { get; }
    DbSet<Baken.Domain.Foresight.ScenarioFrame> ScenarioFrames { get; }
    DbSet<Baken.Domain.Workflow.AssessmentCycle> Cycles { get; }
    DbSet<Baken.Domain.Workflow.CycleAssignment> CycleAssignments { get; }
    DbSet<Baken.Domain.Workflow.LikelihoodReview> LikelihoodReviews { get; }
    DbSet<Baken.Domain.Workflow.Comment> Comments { get; }
    DbSet<HistoryEntry> History { get; }
    DbSet<Compartment> Compartments { get; }
    DbSet<User> Users { get; }
    DbSet<ApiToken> ApiTokens { get; }
    DbSet<Baken.Domain.Jobs.BackgroundJob> Jobs { get; }
    DbSet<AccessStamp> AccessStamps { get; }

    DbSet<T> Set<T>() where T : class;

    void AddRecord(Record record);

    void RemoveRecord(Record record);

    /// <summary>A note for the history entry of the record's next save (a declassification's reason, "entered by X for Y").</summary>
    void Annotate(Record record, string note);

    /// <summary>Saves atomically; stamps versions and appends history. Throws <see cref="ConcurrencyConflictException"/> on a stale version.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets tracked entities after a failed save, so nothing half-written is retried.</summary>
    void DiscardChanges();

    /// <summary>Tells the database which version the caller last saw, so a stale edit is refused.</summary>
    void ExpectVersion(Record record, int version);
}

/// <summary>Another user changed the record since the caller read it.</summary>
public sealed class ConcurrencyConflictException(ValidationMessage text, Exception? inner = null) : Exception(text.English, inner)
{
    /// <summary>What to tell the user, as a catalogue text (<see cref="Exception.Message"/> is its English).</summary>
    public ValidationMessage Text { get; } = text;
}
