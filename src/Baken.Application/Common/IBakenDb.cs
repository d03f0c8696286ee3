using Baken.Domain;
using Baken.Domain.Analysis;
using Baken.Domain.Assessments;
using Baken.Domain.Capabilities;
using Baken.Domain.Catalogue;
using Baken.Domain.Councils;
using Baken.Domain.Dependencies;
using Baken.Domain.Foresight;
using Baken.Domain.History;
using Baken.Domain.Jobs;
using Baken.Domain.Register;
using Baken.Domain.Releases;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Baken.Domain.Strategy;
using Baken.Domain.Users;
using Baken.Domain.Workflow;
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

    /// <summary>
    /// <paramref name="read"/>'s answer to a small question asked on almost every request (a count, a page's filter
    /// choices, the access stamp), read again only once the database has changed (a commit by anyone: this node, another
    /// node, the command line) or for a reader who may see something else. <paramref name="question"/> names everything the
    /// answer depends on besides the database and the reader (kind, filter). The answer must not be changed by its user.
    /// Inside a transaction, and where the database cannot tell whether it changed, every call reads.
    /// </summary>
    Task<T> RememberedAsync<T>(string question, Func<CancellationToken, Task<T>> read, CancellationToken ct = default);

    /// <inheritdoc cref="RememberedAsync{T}"/>
    T Remembered<T>(string question, Func<T> read);

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
    DbSet<Measure> Measures { get; }
    DbSet<StrategyGoal> Goals { get; }
    DbSet<Indicator> Indicators { get; }
    DbSet<ProgressUpdate> ProgressUpdates { get; }
    DbSet<Council> Councils { get; }
    DbSet<CouncilMember> CouncilMembers { get; }
    DbSet<Meeting> Meetings { get; }
    DbSet<AgendaItem> AgendaItems { get; }
    DbSet<Decision> Decisions { get; }
    DbSet<FollowUpAction> FollowUpActions { get; }
    DbSet<CouncilDocument> CouncilDocuments { get; }
    DbSet<Release> Releases { get; }
    DbSet<Signal> Signals { get; }
    DbSet<Feed> Feeds { get; }
    DbSet<Trend> Trends { get; }
    DbSet<WarningIndicator> WarningIndicators { get; }
    DbSet<Observation> Observations { get; }
    DbSet<Alert> Alerts { get; }
    DbSet<StrategicDependency> Dependencies { get; }
    DbSet<Capability> Capabilities { get; }
    DbSet<ScenarioFrame> ScenarioFrames { get; }
    DbSet<AssessmentCycle> Cycles { get; }
    DbSet<CycleAssignment> CycleAssignments { get; }
    DbSet<LikelihoodReview> LikelihoodReviews { get; }
    DbSet<Comment> Comments { get; }
    DbSet<HistoryEntry> History { get; }
    DbSet<Compartment> Compartments { get; }
    DbSet<User> Users { get; }
    DbSet<ApiToken> ApiTokens { get; }
    DbSet<BackgroundJob> Jobs { get; }
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
