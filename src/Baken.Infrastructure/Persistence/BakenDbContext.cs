using System.Text.Json;
using Baken.Application.Common;
using Baken.Application.Register;
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
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Baken.Infrastructure.Persistence;

/// <summary>
/// The one database context for both providers. It is where classification is enforced for every query
/// (a global query filter per record type, bound to the current user) and where every change gets its
/// version stamp and its history entry (docs/architecture.md).
/// </summary>
public sealed class BakenDbContext(DbContextOptions<BakenDbContext> options, ICurrentUser user, TimeProvider clock, DatabaseChanges? changes = null)
    : DbContext(options), IBakenDb
{
    // Read by the query filters on every query; EF Core turns them into parameters bound to this context's user.
    private int Clearance => (int)user.Clearance;
    private long DeniedCompartments => ~user.CompartmentMask;
    // The Public role (parliament, the public) sees only what is marked for publication.
    private bool PublicOnly => user.IsInRole(Roles.Public) && !Roles.All.Where(r => r != Roles.Public).Any(user.IsInRole);
    // The blind round (docs/workflow.md): a coordinator sees every score; anyone else sees another analyst's assessment of
    // a scenario in an open round-1 cycle only once they have submitted their own.
    private bool SeesEveryScore => user.IsInRole(Roles.Coordinator);
    private string UserName => user.UserName;

    public async Task<T> RememberedAsync<T>(string question, Func<CancellationToken, Task<T>> read, CancellationToken ct = default)
    {
        var key = Remembers ? AnswerKey(VersionStillFresh() ?? Remember(await changes!.CurrentAsync(this, ct)), question) : null;
        if (key is not null && changes!.TryGet(key, out var answer)) return (T)answer!;
        var value = await read(ct);
        if (key is not null) changes!.Keep(key, value);
        return value;
    }

    public T Remembered<T>(string question, Func<T> read)
    {
        var key = Remembers ? AnswerKey(VersionStillFresh() ?? Remember(changes!.Current(this)), question) : null;
        if (key is not null && changes!.TryGet(key, out var answer)) return (T)answer!;
        var value = read();
        if (key is not null) changes!.Keep(key, value);
        return value;
    }

    // Inside a transaction the context must see its own uncommitted state, so nothing is remembered there.
    private bool Remembers => changes is not null && Database.CurrentTransaction is null;

    // The database's version is read once for the questions a request asks together (on PostgreSQL it is a round trip), for
    // at most a second, and read again after this context saved: its own write must not be answered from before it.
    private static readonly TimeSpan VersionKeptFor = TimeSpan.FromSeconds(1);
    private (string Version, long At)? versionRead;

    private string? VersionStillFresh() =>
        versionRead is { } v && System.Diagnostics.Stopwatch.GetElapsedTime(v.At) < VersionKeptFor ? v.Version : null;

    private string? Remember(string? version)
    {
        versionRead = version is null ? null : (version, System.Diagnostics.Stopwatch.GetTimestamp());
        return version;
    }

    // An answer is for one version of the database and one reader: everything the query filters read is in the key. No
    // version (the database cannot tell), no key: then every call reads.
    private string? AnswerKey(string? version, string question) => version is null ? null :
        string.Join('\n', version, UserName, Clearance, user.CompartmentMask, string.Join(',', Roles.All.Where(user.IsInRole)), question);

    public DbSet<NationalSecurityInterest> Interests => Set<NationalSecurityInterest>();
    public DbSet<ImpactCriterion> Criteria => Set<ImpactCriterion>();
    public DbSet<CriterionScale> CriterionScales => Set<CriterionScale>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<Scenario> Scenarios => Set<Scenario>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<VitalProcess> VitalProcesses => Set<VitalProcess>();
    public DbSet<CatalogueEntry> CatalogueEntries => Set<CatalogueEntry>();
    public DbSet<StixObjectRecord> StixObjects => Set<StixObjectRecord>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AnalysisRun> AnalysisRuns => Set<AnalysisRun>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<StrategyGoal> Goals => Set<StrategyGoal>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<FollowUpAction> FollowUpActions => Set<FollowUpAction>();
    public DbSet<CouncilDocument> CouncilDocuments => Set<CouncilDocument>();
    public DbSet<Release> Releases => Set<Release>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<Feed> Feeds => Set<Feed>();
    public DbSet<Trend> Trends => Set<Trend>();
    public DbSet<WarningIndicator> WarningIndicators => Set<WarningIndicator>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<StrategicDependency> Dependencies => Set<StrategicDependency>();
    public DbSet<Capability> Capabilities => Set<Capability>();
    public DbSet<ScenarioFrame> ScenarioFrames => Set<ScenarioFrame>();
    public DbSet<AssessmentCycle> Cycles => Set<AssessmentCycle>();
    public DbSet<CycleAssignment> CycleAssignments => Set<CycleAssignment>();
    public DbSet<LikelihoodReview> LikelihoodReviews => Set<LikelihoodReview>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<Compartment> Compartments => Set<Compartment>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<BackgroundJob> Jobs => Set<BackgroundJob>();
    public DbSet<AccessStamp> AccessStamps => Set<AccessStamp>();
    public DbSet<StoredDataProtectionKey> DataProtectionKeys => Set<StoredDataProtectionKey>();

    /// <summary>
    /// Every classified record type, each of which gets the classification filter and the audit trail: the types of the
    /// register's kinds (<see cref="RecordKinds.All"/>, the one registry of record kinds). Every record is a register kind;
    /// a test fails when a type derives from <see cref="Record"/> without one.
    /// </summary>
    public static IReadOnlyList<Type> RecordTypes => RecordKinds.All.Select(k => k.ClrType).ToArray();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var type in RecordTypes)
            typeof(BakenDbContext).GetMethod(nameof(ConfigureRecord), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [modelBuilder]);

        modelBuilder.Entity<HistoryEntry>(h =>
        {
            h.HasIndex(x => new { x.EntityKind, x.EntityCode });
            h.Property(x => x.EntityKind).HasMaxLength(64);
            h.Property(x => x.EntityCode).HasMaxLength(RecordCode.MaxLength);
            h.Property(x => x.UserName).HasMaxLength(64);
            h.Property(x => x.Note).HasMaxLength(1000);
        });
        // Unfiltered, read-only views of the two tables the blind-round rule reads. The rule must see every cycle and every
        // own assessment whatever their marking (a cycle is classified at the highest of its scenarios, so a reader cleared
        // for one of them may not see the cycle), and a filter on assessments cannot query assessments through their own filter.
        modelBuilder.Entity<BlindRoundAssessment>(v => { v.HasNoKey(); v.ToView("Assessments"); });
        modelBuilder.Entity<BlindRoundCycle>(v => { v.HasNoKey(); v.ToView("Cycles"); });
        modelBuilder.Entity<BlindRoundComment>(v => { v.HasNoKey(); v.ToView("Comments"); });
        modelBuilder.Entity<Compartment>(c =>
        {
            c.HasIndex(x => x.Code).IsUnique();
            c.HasIndex(x => x.Bit).IsUnique();
            c.Ignore(x => x.Mask);
        });
        modelBuilder.Entity<User>(u =>
        {
            u.HasIndex(x => x.UserName).IsUnique();
        });
        modelBuilder.Entity<ApiToken>(t =>
        {
            t.HasIndex(x => x.TokenHash).IsUnique();
        });
        modelBuilder.Entity<StoredDataProtectionKey>(k => k.ToTable("DataProtectionKeys"));
        modelBuilder.Entity<AccessStamp>(a =>
        {
            a.Property(x => x.Id).ValueGeneratedNever();
            a.HasData(new AccessStamp { Id = AccessStamp.SingleId, Value = Guid.Empty });
        });
        modelBuilder.Entity<BackgroundJob>(j =>
        {
            j.ToTable("Jobs");
            // Stored by name, so an operator reading the table sees Waiting, Running, … and a new state never renumbers the old.
            j.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            j.Property(x => x.Kind).HasMaxLength(32);
            j.Property(x => x.Owner).HasMaxLength(64);
            j.Property(x => x.ClaimedBy).HasMaxLength(64);
            j.Property(x => x.ResultCode).HasMaxLength(RecordCode.MaxLength);
            j.Property(x => x.OutputName).HasMaxLength(128);
            j.Ignore(x => x.IsFinished);
            // The queue is read in order of arrival among the waiting; a user's jobs by owner.
            j.HasIndex(x => new { x.State, x.CreatedAtUtc });
            j.HasIndex(x => x.Owner);
        });
        // Every structured value of a record is one JSON column with typed members, configured in one way: converted by
        // StoredValues (the one place that says how each is written and read) and change-checked by its Same, Hash and Copy.
        // Method calls, not lambdas with '??': the compiled model's code generator drops the parentheses around those.
        // A scenario's disruptions [{process, hours, severity}], capability needs [{capability, phase, level}] and compound
        // dependence {kind, conditional}; an organisation's capability levels [{capability, level}]; a measure's capability
        // raises [{capability, by}] and effects [{scenario, likelihood, reductions}]; an assessment's scores (and their
        // round-1 copy) [{criterion, judgement}]; an agenda item's links [{kind, code}]; a dependency's options
        // [{option, status, rationale}] (a value written when they were free text is migrated when read) and suppliers
        // [{name, share}]. Their text forms live only at the edge (the record fields: import, export, CLI, forms).
        modelBuilder.Entity<Scenario>(e =>
        {
            e.Property(x => x.Disruptions).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.Disruptions(v),
                new ValueComparer<IReadOnlyList<ScenarioDisruption>>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)));
            e.Property(x => x.Capabilities).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.CapabilityNeeds(v),
                new ValueComparer<IReadOnlyList<CapabilityNeed>>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)));
            e.Property(x => x.Dependence).HasConversion(
                v => StoredValues.ToJson(v!),
                v => StoredValues.Dependence(v),
                new ValueComparer<CompoundDependence?>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => v));
        });
        modelBuilder.Entity<Organisation>(e => e.Property(x => x.Capabilities).HasConversion(
            v => StoredValues.ToJson(v),
            v => StoredValues.CapabilityLevels(v),
            new ValueComparer<IReadOnlyList<CapabilityLevel>>(
                (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v))));
        modelBuilder.Entity<Measure>(e =>
        {
            e.Property(x => x.CapabilityRaises).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.CapabilityRaises(v),
                new ValueComparer<IReadOnlyList<CapabilityRaise>>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)));
            e.Property(x => x.Effects).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.Effects(v),
                new ValueComparer<IReadOnlyList<ScenarioEffect>>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)));
        });
        modelBuilder.Entity<Assessment>(e =>
        {
            e.Property(x => x.Scores).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.Scores(v),
                new ValueComparer<IReadOnlyList<CriterionScore>>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)!));
            // Null (never through a round change) stays null: EF Core does not pass nulls to a converter.
            e.Property(x => x.Round1Scores).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.Scores(v),
                new ValueComparer<IReadOnlyList<CriterionScore>?>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)));
        });
        modelBuilder.Entity<AgendaItem>(e => e.Property(x => x.Links).HasConversion(
            v => StoredValues.ToJson(v),
            v => StoredValues.Links(v),
            new ValueComparer<IReadOnlyList<RecordLink>>(
                (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v))));
        modelBuilder.Entity<StrategicDependency>(e =>
        {
            e.Property(x => x.Options).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.Options(v),
                new ValueComparer<IReadOnlyList<DependencyOptionChoice>>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)));
            e.Property(x => x.Suppliers).HasConversion(
                v => StoredValues.ToJson(v),
                v => StoredValues.Suppliers(v),
                new ValueComparer<IReadOnlyList<ListedSupplier>>(
                    (a, b) => StoredValues.Same(a, b), v => StoredValues.Hash(v), v => StoredValues.Copy(v)));
        });
        // A progress update's subject is one link, a JSON value compared whole when the records that report on a goal are sought.
        modelBuilder.Entity<ProgressUpdate>(e => e.Property(x => x.Subject).HasConversion(
            v => StoredValues.ToJson(v!),
            v => StoredValues.Link(v)));
        // Intake looks a feed entry up by its feed id, and every series is read in date order.
        modelBuilder.Entity<Signal>(e => e.HasIndex(x => new { x.Feed, x.ExternalId }));
        modelBuilder.Entity<Signal>(e => e.HasIndex(x => x.Date));
        modelBuilder.Entity<Observation>(e => e.HasIndex(x => new { x.IndicatorCode, x.Date }));
        if (Database.IsNpgsql()) modelBuilder.HasPostgresExtension("pg_trgm");
        // Every page asks whether the register holds the demonstration (LoadDemo.IsPresent, for the banner): a lookup, not a
        // read of every scenario. PostgreSQL's hash index has no limit on the length of the value (its B-tree has one).
        modelBuilder.Entity<Scenario>(e =>
        {
            var provenance = e.HasIndex(x => x.Provenance);
            if (Database.IsNpgsql()) provenance.HasMethod("hash");
        });
        if (!OmitQueryFilters)
            foreach (var (type, filter) in QueryFilters()) modelBuilder.Entity(type).HasQueryFilter(filter);
        // A scenario's discussion is read by its code.
        modelBuilder.Entity<Comment>(e => e.HasIndex(x => x.ScenarioCode));
    }

    /// <summary>
    /// Set only by the design-time factory that generates the compiled models (tools/regenerate-migrations.sh): EF Core cannot
    /// write query filters into a compiled model, so it is generated without them and <see cref="CompiledModelFilters"/> adds
    /// these same filters to it when it loads.
    /// </summary>
    public static bool OmitQueryFilters { get; set; }

    /// <summary>
    /// Every query filter of the model, by entity type: classification, compartments and the public's view for every record,
    /// and the blind round for assessments, the runs that used them and their history. The one list both the model built
    /// here and the compiled models use; each filter reads this context's user (EF Core binds it to the querying context).
    /// </summary>
    internal IEnumerable<(Type Type, System.Linq.Expressions.LambdaExpression Filter)> QueryFilters()
    {
        foreach (var type in RecordTypes.Where(t => t != typeof(Assessment) && t != typeof(AnalysisRun) && t != typeof(Comment)))
            yield return (type, (System.Linq.Expressions.LambdaExpression)typeof(BakenDbContext)
                .GetMethod(nameof(RecordFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, null)!);
        // The public sees no audit trail at all: who changed what is internal.
        // The history of an assessment the blind round hides is hidden with it (its versions hold the scores).
        yield return (typeof(HistoryEntry), Filter<HistoryEntry>(x => (int)x.ClassificationLevel <= Clearance
                                  && (DeniedCompartments == 0 || x.CompartmentMask == 0 || (x.CompartmentMask & DeniedCompartments) == 0) && !PublicOnly
                                  && (SeesEveryScore || x.EntityKind != "assessment"
                                      || !Set<BlindRoundAssessment>().Any(a => a.Code == x.EntityCode && a.Analyst != UserName
                                          && Set<BlindRoundCycle>().Any(c => c.Status == 0 && c.Round == 1 && c.Scenarios.Contains(a.ScenarioCode))
                                          && !Set<BlindRoundAssessment>().Any(o => o.ScenarioCode == a.ScenarioCode && o.Analyst == UserName && o.Status != 0)))
                                  && (SeesEveryScore || x.EntityKind != "comment"
                                      || !Set<BlindRoundComment>().Any(m => m.Code == x.EntityCode && m.Author != UserName
                                          && Set<BlindRoundCycle>().Any(c => c.Status == 0 && c.Round == 1 && c.Scenarios.Contains(m.ScenarioCode))
                                          && !Set<BlindRoundAssessment>().Any(o => o.ScenarioCode == m.ScenarioCode && o.Analyst == UserName && o.Status != 0)))));
        // A comment may repeat a score, so in a blind round it is hidden like an assessment: someone else's comment on a
        // scenario of an open round-1 cycle shows only once the reader has submitted their own assessment of it.
        yield return (typeof(Comment), Filter<Comment>(x => (int)x.ClassificationLevel <= Clearance
            && (DeniedCompartments == 0 || x.CompartmentMask == 0 || (x.CompartmentMask & DeniedCompartments) == 0)
            && (!PublicOnly || x.Publishable)
            && (SeesEveryScore || x.Author == UserName
                || !Set<BlindRoundCycle>().Any(c => c.Status == 0 && c.Round == 1 && c.Scenarios.Contains(x.ScenarioCode))
                || Set<BlindRoundAssessment>().Any(o => o.ScenarioCode == x.ScenarioCode && o.Analyst == UserName && o.Status != 0))));
        yield return (typeof(Assessment), Filter<Assessment>(x => (int)x.ClassificationLevel <= Clearance
            && (DeniedCompartments == 0 || x.CompartmentMask == 0 || (x.CompartmentMask & DeniedCompartments) == 0)
            && (!PublicOnly || x.Publishable)
            && (SeesEveryScore || x.Analyst == UserName
                || !Set<BlindRoundCycle>().Any(c => c.Status == 0 && c.Round == 1 && c.Scenarios.Contains(x.ScenarioCode))
                || Set<BlindRoundAssessment>().Any(o => o.ScenarioCode == x.ScenarioCode && o.Analyst == UserName && o.Status != 0))));
        // A run that used an assessment the reader may not see yet is, for them, not there (its inputs hold the scores).
        yield return (typeof(AnalysisRun), Filter<AnalysisRun>(x => (int)x.ClassificationLevel <= Clearance
            && (DeniedCompartments == 0 || x.CompartmentMask == 0 || (x.CompartmentMask & DeniedCompartments) == 0)
            && (!PublicOnly || x.Publishable)
            && (SeesEveryScore || x.AssessmentCodes.Count == 0
                || !Set<BlindRoundAssessment>().Any(a => x.AssessmentCodes.Contains(a.Code) && a.Analyst != UserName
                    && Set<BlindRoundCycle>().Any(c => c.Status == 0 && c.Round == 1 && c.Scenarios.Contains(a.ScenarioCode))
                    && !Set<BlindRoundAssessment>().Any(o => o.ScenarioCode == a.ScenarioCode && o.Analyst == UserName && o.Status != 0)))));
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Filter<T>(System.Linq.Expressions.Expression<Func<T, bool>> filter) => filter;

    // The compartment test says the same three times over: nothing denied, no compartment on the record, or none of
    // the record's compartments denied. The first two let PostgreSQL's planner see how many rows pass (it cannot
    // estimate a bitwise AND), so it walks the list index for a page instead of sorting every visible row.
    private System.Linq.Expressions.Expression<Func<T, bool>> RecordFilter<T>() where T : Record =>
        x => (int)x.ClassificationLevel <= Clearance
             && (DeniedCompartments == 0 || x.CompartmentMask == 0 || (x.CompartmentMask & DeniedCompartments) == 0)
             && (!PublicOnly || x.Publishable);

    private void ConfigureRecord<T>(ModelBuilder modelBuilder) where T : Record
    {
        modelBuilder.Entity<T>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Code).IsUnique();
            // Lists, counts and searches scan this index instead of the table: it holds the natural order and the clearance
            // filter, and on SQLite also the code and title a search looks in. (PostgreSQL limits an index entry to about
            // 2.7 kB and titles have no length limit, so there it stops at the filter columns.)
            string[] list = [nameof(Record.SortKey), nameof(Record.ClassificationLevel), nameof(Record.CompartmentMask), nameof(Record.Publishable)];
            if (Database.IsSqlite())
                list = [.. list, nameof(Record.Code), .. RecordKinds.ForType(typeof(T))?.TitleProperty is { } title && title != nameof(Record.Code) ? [title] : Array.Empty<string>()];
            e.HasIndex(list).HasDatabaseName($"IX_{typeof(T).Name}_List");
            // PostgreSQL searches code and title with ILIKE '%term%' (ListRecords): trigram indexes find the matches
            // without reading every row (one GIN index serves a condition on either column).
            if (Database.IsNpgsql())
            {
                string[] search = RecordKinds.ForType(typeof(T))?.TitleProperty is { } titleProperty && titleProperty != nameof(Record.Code)
                    ? [nameof(Record.Code), titleProperty] : [nameof(Record.Code)];
                e.HasIndex(search, $"IX_{typeof(T).Name}_Search").HasMethod("gin").HasOperators([.. search.Select(_ => "gin_trgm_ops")]);
            }
            e.Property(x => x.Code).HasMaxLength(RecordCode.MaxLength);
            e.Property(x => x.SortKey).HasMaxLength(RecordCode.SortKeyMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Classification);
        });
        if (typeof(T) == typeof(CriterionScale)) modelBuilder.Entity<CriterionScale>().Ignore(x => x.LowerBounds);
    }

    public void AddRecord(Record record) => Add(record);

    public IQueryable<Record> Search(IQueryable<Record> records, string titleProperty, string term)
    {
        // Backslash escapes, named on both databases (Npgsql writes ESCAPE '' — no escape at all — when none is named).
        var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // SQLite's LIKE ignores case the way its lower() does (ASCII letters) and costs a third of lower() on both sides;
        // PostgreSQL's ILIKE ignores case the way its lower() does, and its trigram indexes (IX_*_Search) serve it.
        return Database.IsSqlite()
            ? records.Where(r => EF.Functions.Like(r.Code, pattern, "\\") || EF.Functions.Like(EF.Property<string>(r, titleProperty), pattern, "\\"))
            : records.Where(r => EF.Functions.ILike(r.Code, pattern, "\\") || EF.Functions.ILike(EF.Property<string>(r, titleProperty), pattern, "\\"));
    }

    public void RemoveRecord(Record record) => Remove(record);

    public void DiscardChanges()
    {
        ChangeTracker.Clear();
        _notes.Clear();
    }

    private readonly Dictionary<Record, string> _notes = new(ReferenceEqualityComparer.Instance);

    public void Annotate(Record record, string note) =>
        _notes[record] = _notes.TryGetValue(record, out var earlier) ? earlier + "; " + note : note;

    public void ExpectVersion(Record record, int version) => Entry(record).Property(r => r.Version).OriginalValue = version;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChanges();
        int saved;
        try { saved = base.SaveChanges(acceptAllChangesOnSuccess); }
        catch (DbUpdateConcurrencyException e) { throw Conflict(e); }
        finally { versionRead = null; }
        LogDeclassifications();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        int saved;
        try { saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        catch (DbUpdateConcurrencyException e) { throw Conflict(e); }
        finally { versionRead = null; }
        LogDeclassifications();
        return saved;
    }

    /// <summary>Declassifications of the last save, logged once it has committed (a refused or failed save logs none).</summary>
    private readonly List<(string Kind, Guid Id, string From, string To)> _declassified = [];

    private void LogDeclassifications()
    {
        foreach (var (kind, id, from, to) in _declassified) SecurityEvents.Log.Declassified(user.UserName, kind, id, from, to);
        _declassified.Clear();
    }

    private static ConcurrencyConflictException Conflict(DbUpdateConcurrencyException e)
    {
        var record = e.Entries.Select(x => x.Entity).OfType<Record>().FirstOrDefault();
        return new ConcurrencyConflictException(record is not null && RecordKinds.ForType(record.GetType()) is { } kind
            ? RegisterTexts.ChangedSince(kind, record.Code) : RegisterTexts.AnyChangedSince, e);
    }

    /// <summary>Versions, timestamps and history for every changed record, in the same transaction as the change.</summary>
    private void StampChanges()
    {
        _declassified.Clear();
        if (ChangeTracker.Entries<HistoryEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("History entries are immutable.");
        StampAccessChanges();

        var changed = ChangeTracker.Entries<Record>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var compartments = Compartments.AsNoTracking().ToList();
        foreach (var entry in changed)
        {
            var record = entry.Entity;
            var kind = RecordKinds.ForType(record.GetType())!;
            var original = entry.State == EntityState.Added ? null : (Record)entry.OriginalValues.ToObject();
            // A release is what left the building: it stays exactly as it was released (a new version is a new release).
            if (record is Release && entry.State != EntityState.Added)
                throw new InvalidOperationException($"Release {record.Code} cannot be changed or deleted; release a new version instead.");

            // Defence in depth: the use cases refuse this earlier with a field message; nothing may slip past here.
            if (!record.Classification.IsVisibleTo(user.Clearance, user.CompartmentMask)
                || (original is not null && !original.Classification.IsVisibleTo(user.Clearance, user.CompartmentMask)))
                throw new InvalidOperationException("The current user is not cleared to write this record.");

            if (entry.State != EntityState.Deleted) record.SortKey = RecordCode.SortKey(record.Code);
            switch (entry.State)
            {
                case EntityState.Added:
                    record.Version = 1;
                    record.CreatedAtUtc = record.UpdatedAtUtc = now;
                    record.CreatedBy = record.UpdatedBy = user.UserName;
                    break;
                case EntityState.Modified:
                    if (!HasFieldChanges(entry)) { entry.State = EntityState.Unchanged; continue; }
                    record.Version = (int)entry.Property(r => r.Version).OriginalValue + 1;
                    record.UpdatedAtUtc = now;
                    record.UpdatedBy = user.UserName;
                    break;
            }

            var after = entry.State == EntityState.Deleted ? null : record;
            // Lowering the level or dropping a compartment is a declassification: its own kind of event, with its reason.
            var lowered = original is not null && after is not null
                          && (after.ClassificationLevel < original.ClassificationLevel || (original.CompartmentMask & ~after.CompartmentMask) != 0);
            if (lowered) _declassified.Add((kind.Name, record.Id, original!.Classification.Level.DisplayName(), after!.Classification.Level.DisplayName()));
            _notes.Remove(record, out var note);
            var highest = Classification.Highest(new[] { original?.Classification, after?.Classification }.OfType<Classification>());
            History.Add(new HistoryEntry
            {
                EntityKind = kind.Name,
                EntityId = record.Id,
                EntityCode = record.Code,
                Version = entry.State == EntityState.Deleted ? record.Version : record.Version,
                Change = entry.State switch { EntityState.Added => ChangeKind.Insert, EntityState.Deleted => ChangeKind.Delete, _ => lowered ? ChangeKind.Declassify : ChangeKind.Update },
                Note = note,
                UserName = user.UserName,
                AtUtc = now,
                BeforeJson = original is null ? null : Snapshot(kind, original, compartments),
                AfterJson = after is null ? null : Snapshot(kind, after, compartments),
                ClassificationLevel = highest.Level,
                CompartmentMask = highest.CompartmentMask,
            });
        }
    }

    /// <summary>
    /// A changed or deleted account or token gives the access stamp a new value in the same transaction, so every node
    /// drops what it remembered about sessions and tokens at its next request (<see cref="AccessStamp"/>).
    /// </summary>
    private void StampAccessChanges()
    {
        if (!ChangeTracker.Entries().Any(e => e.Entity is User or ApiToken && e.State is EntityState.Modified or EntityState.Deleted)) return;
        var stamp = ChangeTracker.Entries<AccessStamp>().Select(e => e.Entity).FirstOrDefault() ?? AccessStamps.Find(AccessStamp.SingleId);
        if (stamp is null) AccessStamps.Add(stamp = new AccessStamp());
        stamp.Value = Guid.NewGuid();
    }

    private static bool HasFieldChanges(EntityEntry<Record> entry) =>
        entry.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(Record.Version) or nameof(Record.UpdatedAtUtc) or nameof(Record.UpdatedBy) or nameof(Record.SortKey))
                                  // The property's own comparer: a code list is a new List after every edit, equal by its codes.
                                  && !(p.Metadata.GetValueComparer() ?? Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer.CreateDefault(p.Metadata.ClrType, false)).Equals(p.OriginalValue, p.CurrentValue));

    private static string Snapshot(RecordKind kind, Record r, List<Compartment> compartments)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = r.Code,
            ["classification"] = r.ClassificationLevel.DisplayName(),
            ["compartments"] = string.Join(";", compartments.Where(c => (r.CompartmentMask & c.Mask) != 0).OrderBy(c => c.Bit).Select(c => c.Code)),
            ["provenance"] = r.Provenance,
            ["publishable"] = r.Publishable ? "true" : "false",
        };
        foreach (var f in kind.Fields) values[f.Name] = f.Get(r);
        return JsonSerializer.Serialize(values);
    }
}

/// <summary>The columns of an assessment the blind-round rule reads, unfiltered (see the query filters above). Never written.</summary>
internal sealed class BlindRoundAssessment
{
    public string Code { get; set; } = "";
    public string ScenarioCode { get; set; } = "";
    public string Analyst { get; set; } = "";
    /// <summary><see cref="AssessmentStatus"/> as stored: 0 = draft.</summary>
    public int Status { get; set; }
}

/// <summary>The columns of a cycle the blind-round rule reads, unfiltered. Never written.</summary>
internal sealed class BlindRoundCycle
{
    public List<string> Scenarios { get; set; } = [];
    /// <summary><see cref="Baken.Domain.Workflow.CycleStatus"/> as stored: 0 = open.</summary>
    public int Status { get; set; }
    public int Round { get; set; }
}

/// <summary>The columns of a comment the blind-round rule reads for the history, unfiltered. Never written.</summary>
internal sealed class BlindRoundComment
{
    public string Code { get; set; } = "";
    public string ScenarioCode { get; set; } = "";
    public string Author { get; set; } = "";
}
