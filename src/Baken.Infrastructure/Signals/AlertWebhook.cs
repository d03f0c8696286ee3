using System.Net.Http.Json;
using Baken.Domain.Security;
using Baken.Domain.Signals;

namespace Baken.Infrastructure.Signals;

/// <summary>
/// Posts new alerts as JSON to a configured URL (Alerts:WebhookUrl). The receiving system is outside Baken's
/// clearance checks, so only alerts up to Alerts:WebhookMaxClassification (default Ongerubriceerd) and without
/// compartments are sent; the rest are counted, never described.
/// </summary>
public sealed class AlertWebhook(IHttpClientFactory clients)
{
    /// <summary>The name of the webhook client (the standard resilience handler; the URL is the operator's own setting).</summary>
    public const string ClientName = "webhooks";

    public sealed record Payload(string Code, string Indicator, DateOnly Date, double Value, string From, string To, string? Explanation, string? Scenarios);

    public async Task<(int Sent, int Withheld)> PostAsync(Uri url, IReadOnlyList<Alert> alerts, ClassificationLevel maxLevel, CancellationToken ct = default)
    {
        var allowed = alerts.Where(a => a.ClassificationLevel <= maxLevel && a.CompartmentMask == 0).ToList();
        if (allowed.Count > 0)
        {
            var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, new
            {
                source = "Baken",
                alerts = allowed.Select(a => new Payload(a.Code, a.IndicatorCode, a.Date, a.Value, a.FromLevel, a.ToLevel, a.Explanation, a.Scenarios)),
                withheld = alerts.Count - allowed.Count,
            }, ct);
            response.EnsureSuccessStatusCode();
        }
        return (allowed.Count, alerts.Count - allowed.Count);
    }
}
