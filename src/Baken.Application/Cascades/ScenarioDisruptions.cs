using System.Globalization;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Register;

namespace Baken.Application.Cascades;

/// <summary>
/// The text form of a scenario's initial disruptions of vital processes (import, export, command line, the web form):
/// "1: 24h; 6: 12h 0.5" — the process code, how long it is down in hours, and optionally the share of it that is lost
/// (default 1). The register holds them typed (<see cref="ScenarioDisruption"/>); a part that cannot be read is a field error.
/// </summary>
public static class ScenarioDisruptions
{
    public const string Allowed = "Initial disruptions of vital processes: 'PROCESS: HOURSh [SEVERITY]' separated by ';', e.g. '1: 24h; 6: 12h 0.5' (severity 0–1, default 1)";

    public static IReadOnlyList<ScenarioDisruption> Parse(string? text)
    {
        var result = new List<ScenarioDisruption>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':');
            var words = colon > 0 ? part[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            if (colon <= 0 || part[..colon].Trim().Length == 0 || words.Length is 0 or > 2 || !words[0].EndsWith('h')
                || !double.TryParse(words[0][..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || !(hours > 0) || hours > ScenarioDisruption.MaxHours)
                throw new DomainValidationException("disruptions", part, AllowedTexts.CascadesDisruptionHours.With(AllowedTexts.CascadesDisruptions));
            var severity = 1.0;
            if (words.Length == 2 && (!double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out severity) || !(severity > 0) || severity > 1))
                throw new DomainValidationException("disruptions", part, AllowedTexts.CascadesDisruptionSeverity.With(AllowedTexts.CascadesDisruptions));
            result.Add(new ScenarioDisruption(part[..colon].Trim(), hours, severity));
        }
        return result;
    }

    /// <summary>The text form ("1: 24h; 6: 12h 0.5"; a severity of 1 is left out), or null when there are none.</summary>
    public static string? Format(IReadOnlyList<ScenarioDisruption>? disruptions) => disruptions is null || disruptions.Count == 0 ? null :
        string.Join("; ", disruptions.Select(d => $"{d.Process}: {N(d.Hours)}h" + (d.Severity == 1 ? "" : " " + N(d.Severity))));

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
