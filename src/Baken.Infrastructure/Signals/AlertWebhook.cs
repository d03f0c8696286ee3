using System.Net.Http.Json;
using Baken.Application.Signals;
using Baken.Domain.Signals;

namespace Baken.Infrastructure.Signals;

/// <summary>
/// Posts new alerts as JSON to a webhook (<see cref="AlertOptions.WebhookUrl"/> or the command line's --webhook), through
/// the named client with the standard resilience handler. What may leave is decided by <see cref="RaiseAlerts"/>.
/// </summary>
public sealed class AlertWebhook(IHttpClientFactory clients) : IAlertNotifier
{
    /// <summary>The name of the webhook client (the standard resilience handler; the URL is the operator's own setting).</summary>
    public const string ClientName = "webhooks";

    public sealed record Payload(string Code, string Indicator, DateOnly Date, double Value, string From, string To, string? Explanation, string? Scenarios);

    public async Task NotifyAsync(Uri target, IReadOnlyList<Alert> alerts, int withheld, CancellationToken ct)
    {
        var response = await clients.CreateClient(ClientName).PostAsJsonAsync(target, new
        {
            source = "Baken",
            alerts = alerts.Select(a => new Payload(a.Code, a.IndicatorCode, a.Date, a.Value, a.FromLevel, a.ToLevel, a.Explanation,
                // The wire format stays the text form receivers already parse ("S-01;S-02", absent when none).
                a.Scenarios.Count > 0 ? string.Join(";", a.Scenarios) : null)),
            withheld,
        }, ct);
        response.EnsureSuccessStatusCode();
    }
}
