using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Api;
using Baken.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Baken.Web.Tests.Operations;

/// <summary>What a proxy and a monitoring system ask a node: is it alive, can it serve, and what is it doing.</summary>
public sealed class HealthAndTelemetryTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ready_NeedsTheDatabaseWithEveryMigration_WhileLiveNeedsOnlyTheProcess(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var client = app.Anonymous();
        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");

        // A node of a newer version than the schema: its last migration is missing from the database.
        await using (var db = app.Database.Context(FixedUser.System))
        {
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }
        var notReady = await client.GetAsync("/health/ready");
        notReady.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await notReady.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithTelemetryOn_RequestsAndDatabaseCallsAreTraced_AndBakensMetersAreExported()
    {
        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b =>
        {
            b.Configuration["Telemetry:Enabled"] = "true";
            b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(activities));
            b.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        });
        var client = await app.ClientForAsync("analist", Domain.Security.ClassificationLevel.Ongerubriceerd);
        (await client.GetAsync("/api/register/risk")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Analysis runs are made by the analysis, not written in the register: a refusal, counted.
        (await client.PostAsJsonAsync("/api/register/analysis-run", new CreateRecordBody("RUN-1", new Dictionary<string, System.Text.Json.JsonElement>())))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        app.App.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        app.App.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
        activities.ShouldContain(a => a.Kind == ActivityKind.Server && a.DisplayName.Contains("/api/register", StringComparison.Ordinal));
        activities.ShouldContain(a => a.Kind == ActivityKind.Client && a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        metrics.ShouldContain(m => m.Name == "http.server.request.duration");
        metrics.ShouldContain(m => m.Name == "baken.refusals" && m.MeterName == BakenTelemetry.MeterName);
        metrics.ShouldContain(m => m.Name == "baken.jobs.waiting");
    }

    [Fact]
    public async Task AnOtlpEndpointThatIsNotAnHttpAddress_StopsTheNodeAtStart_NamingTheSetting()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => RunningApp.StartAsync(DatabaseProvider.Sqlite,
            configure: b => b.Configuration["Telemetry:OtlpEndpoint"] = "collector:4317"));
        failure.Message.ShouldContain("Telemetry:OtlpEndpoint: 'collector:4317' is not allowed");
    }
}
