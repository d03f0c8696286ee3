using System.ComponentModel.DataAnnotations;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Baken.Web.Hosting;

/// <summary>Section "Telemetry": traces, metrics and log format. Everything is off by default; nothing leaves the node unless configured.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>Collect OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, EF Core, Baken's own). On when an OTLP endpoint is set.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the OTLP exporter sends traces and metrics (e.g. http://collector:4317); empty means no exporter.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The service name in every trace and metric; nodes are told apart by their instance id (host name and process).</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Telemetry:ServiceName: letters, digits, '.', '_' or '-', at most 64.")]
    public string ServiceName { get; set; } = "baken";

    /// <summary>Console logs as one JSON object per line (for a log collector) instead of plain text.</summary>
    public bool JsonConsoleLogs { get; set; }

    public bool Collects => Enabled || !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult(FieldProblem.Describe("Telemetry:OtlpEndpoint", OtlpEndpoint, "an absolute http:// or https:// address of an OTLP collector, or nothing"),
                [nameof(OtlpEndpoint)]);
    }
}

/// <summary>Traces, metrics, health endpoints and the log format of a web node (docs/operations.md).</summary>
public static class Observability
{
    public static void AddBakenObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        if (telemetry.JsonConsoleLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        if (!telemetry.Collects) return;
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(BakenTelemetry.MeterName));
        if (Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            otel.WithTracing(t => t.AddOtlpExporter(o => o.Endpoint = endpoint));
            otel.WithMetrics(m => m.AddOtlpExporter(o => o.Endpoint = endpoint));
        }
    }

    /// <summary>
    /// /health/live: the process answers (a proxy or orchestrator restarts a node that does not). /health/ready: the node
    /// can serve, the database answers and has every migration this version needs (a proxy sends no traffic otherwise).
    /// Both are anonymous and say only Healthy or Unhealthy.
    /// </summary>
    public static IEndpointRouteBuilder MapBakenHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }
}

/// <summary>Ready when the database answers and no migration of this version is missing (a node of a newer version waits for 'baken db migrate').</summary>
public sealed class DatabaseReadyCheck(DatabaseOptions options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = DatabaseSetup.CreateContext(options, FixedUser.System, clock);
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be used.");
        }
    }
}
