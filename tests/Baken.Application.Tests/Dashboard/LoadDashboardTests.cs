using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Dashboard;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Application.Workflow;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Dashboard;

/// <summary>The start page's counts and follow-up, as one reader may see them.</summary>
public sealed class LoadDashboardTests
{
    private static LoadDashboard Dashboard(IBakenDb db, ICurrentUser user) =>
        new(db, new ListRecords(db), new ReproduceAnalysisRun(db, new LoadAnalysisCatalogue(db)), new ForwardAgenda(db), new LoadStrategy(db),
            new Inbox(db, user, TimeProvider.System), TimeProvider.System);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Counts_AreWhatTheReaderMaySee_NeverMore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        foreach (var (clearance, held) in new[] { (ClassificationLevel.Ongerubriceerd, 0L), (ClassificationLevel.StaatsgeheimConfidentieel, ClassifiedFixture.Nuc),
                     (ClassificationLevel.StaatsgeheimZeerGeheim, ClassifiedFixture.Nuc | ClassifiedFixture.Cyb) })
        {
            var reader = new FixedUser("reader", clearance, held, []);
            await using var db = database.Context(reader);

            var view = await Dashboard(db, reader).HandleAsync();

            var expected = ClassifiedFixture.All().Count(r => ClassifiedFixture.MaySee(clearance, held, r.Level, r.Mask));
            view.Counts.Single(c => c.Kind == RecordKinds.Risk).Count.ShouldBe(expected, $"{clearance} holding {held}");
            view.Counts.Select(c => c.Kind).ShouldBe(RecordKinds.All);
            view.Scenarios.ShouldBe(0);
            view.Latest.ShouldBeNull();
        }
    }
}
