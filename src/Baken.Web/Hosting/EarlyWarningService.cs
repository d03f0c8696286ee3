using Baken.Application.Common;
using Baken.Application.Signals;
using Baken.Domain.Security;
using Baken.Infrastructure.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baken.Web.Hosting;

/// <summary>Who a background job acts as. Set before anything else is resolved in the job's scope.</summary>
public sealed class BackgroundIdentity
{
    public ICurrentUser? User { get; set; }
}

/// <summary>
/// Polls the feeds that are due and evaluates the early-warning indicators, every minute (Feeds:PollingEnabled,
/// default true). It acts as 'early-warning' with clearance Ongerubriceerd: open sources come in as open signals, and only
/// open indicators raise alerts here; new ones go to the webhook (Alerts:WebhookUrl) when configured. It holds the Analyst
/// role, which lets it take in signals and raise alerts and nothing else (docs/security.md).
/// </summary>
public sealed class EarlyWarningService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<EarlyWarningService> log) : BackgroundService
{
    public static readonly FixedUser Identity = new("early-warning", ClassificationLevel.Ongerubriceerd, 0, [Domain.Users.Roles.Analyst]);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Feeds:PollingEnabled", true)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A broken feed or an unreachable webhook must not stop the next round.
                log.LogWarning("Early-warning round failed: {Message}", e.Message.Split('\n')[0]);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundIdentity>().User = Identity;
        foreach (var r in await scope.ServiceProvider.GetRequiredService<FeedPoller>().PollAsync(null, ct))
            if (r.Problem is not null) log.LogWarning("Feed {Feed}: {Problem}", r.Feed, r.Problem);
        var alerts = await scope.ServiceProvider.GetRequiredService<EvaluateAlerts>().HandleAsync(null, ct);
        if (alerts.IsOk && alerts.Value!.Count > 0 && configuration["Alerts:WebhookUrl"] is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var hook))
            await scope.ServiceProvider.GetRequiredService<AlertWebhook>().PostAsync(hook, alerts.Value, ClassificationLevel.Ongerubriceerd, ct);
    }
}
