using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Microsoft.Extensions.Options;

namespace Baken.Application.Signals;

/// <summary>Settings of section <c>Alerts</c>: where new alerts are posted, and how high an alert may be to leave Baken.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>An http or https URL that receives new alerts as JSON; none by default (nothing leaves Baken).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// The highest level an alert may have to be posted (default Ongerubriceerd). The receiver is outside Baken's clearance
    /// checks, so an alert above it, or with any compartment, is counted as withheld and never described.
    /// </summary>
    public ClassificationLevel WebhookMaxClassification { get; set; } = ClassificationLevel.Ongerubriceerd;

    /// <summary>Each setting that is not allowed, as "Alerts:Name: 'value' is not allowed; allowed: …".</summary>
    public IEnumerable<string> Problems()
    {
        if (WebhookUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            yield return FieldProblem.Describe($"{Section}:{nameof(WebhookUrl)}", url.ToString(), "an absolute http or https URL");
        if (!Enum.IsDefined(WebhookMaxClassification))
            yield return FieldProblem.Describe($"{Section}:{nameof(WebhookMaxClassification)}", $"{WebhookMaxClassification}", string.Join(", ", Enum.GetNames<ClassificationLevel>()));
    }
}

/// <summary>Refuses <see cref="AlertOptions"/> with a setting that is not allowed, naming it, when a host starts.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>Where new alerts go outside Baken: a webhook in Infrastructure.</summary>
public interface IAlertNotifier
{
    /// <summary>Posts the alerts that may leave Baken, saying how many were withheld; throws when the receiver cannot be reached.</summary>
    Task NotifyAsync(Uri target, IReadOnlyList<Alert> alerts, int withheld, CancellationToken ct);
}

/// <param name="Alerts">The new alerts.</param>
/// <param name="Target">Where they were posted, or null when no webhook is set (or there was nothing new).</param>
public sealed record RaisedAlerts(IReadOnlyList<Alert> Alerts, Uri? Target, int Sent, int Withheld);

/// <summary>
/// Evaluates the early-warning indicators and posts the new alerts to the webhook: the one path of the background
/// service and <c>baken alerts --evaluate</c>. Only alerts up to <see cref="AlertOptions.WebhookMaxClassification"/>
/// without compartments leave; the rest are counted.
/// </summary>
public sealed class RaiseAlerts(EvaluateAlerts evaluate, IAlertNotifier notifier, IOptions<AlertOptions> options)
{
    /// <param name="target">A webhook for this call only (the command line's --webhook); otherwise Alerts:WebhookUrl.</param>
    public async Task<Result<RaisedAlerts>> HandleAsync(DateOnly? since = null, Uri? target = null, CancellationToken ct = default)
    {
        // The settings first: a webhook setting that is not allowed stops the call before any alert is made.
        var settings = options.Value;
        var made = await evaluate.HandleAsync(since, ct);
        if (!made.IsOk) return Result<RaisedAlerts>.Failed(made);
        var alerts = made.Value!;
        target ??= settings.WebhookUrl;
        if (target is null || alerts.Count == 0) return Result<RaisedAlerts>.Ok(new RaisedAlerts(alerts, null, 0, 0));
        var max = settings.WebhookMaxClassification;
        var allowed = alerts.Where(a => a.ClassificationLevel <= max && a.CompartmentMask == 0).ToList();
        if (allowed.Count > 0) await notifier.NotifyAsync(target, allowed, alerts.Count - allowed.Count, ct);
        return Result<RaisedAlerts>.Ok(new RaisedAlerts(alerts, target, allowed.Count, alerts.Count - allowed.Count));
    }
}
