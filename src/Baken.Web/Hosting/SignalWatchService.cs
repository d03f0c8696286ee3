using Baken.Application.Common;
using Baken.Application.Signals;
using Baken.Domain.Security;
using Baken.Infrastructure.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baken.Web.Hosting;

/// <summary>Who a background job acts as. Set before anything else is resolved in the job's scope.</summary>
public sealed class BackgroundIdentity
{
    public ICurrentUser? User { get; set; }
}

/// <summary>
/// Polls the feeds that are due and evaluates the early-warning indicators, every minute (Feeds:PollingEnabled,
/// default true). It acts as 'early-warning' with clearance Ongerubriceerd: open sources come in as open signals, and only
/// open indicators raise alerts here; new ones go to the webhook (Alerts:WebhookUrl) when configured, through RaiseAlerts. It holds the Analyst
/// role, which lets it take in signals and raise alerts and nothing else (docs/security.md).
/// </summary>
public sealed partial class SignalWatchService(IServiceScopeFactory scopes, IOptions<FeedOptions> feeds, ILogger<SignalWatchService> log) : BackgroundService
{
    public static readonly FixedUser Identity = new("early-warning", ClassificationLevel.Ongerubriceerd, 0, [Domain.Users.Roles.Analyst]);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!feeds.Value.PollingEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A broken feed or an unreachable webhook must not stop the next round.
                LogRoundFailed(e.Message.Split('\n')[0]);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundIdentity>().User = Identity;
        foreach (var r in await scope.ServiceProvider.GetRequiredService<FeedPoller>().PollAsync(null, ct))
            if (r.Problem is not null) LogFeedProblem(r.Feed, r.Problem);
        await scope.ServiceProvider.GetRequiredService<RaiseAlerts>().HandleAsync(null, null, ct);
    }

    [LoggerMessage(EventId = 1801, Level = LogLevel.Warning, Message = "Early-warning round failed: {Message}")]
    private partial void LogRoundFailed(string message);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "Feed {Feed}: {Problem}")]
    private partial void LogFeedProblem(string feed, string problem);
}
