using Baken.Application.Common;
using System.Globalization;
using Baken.Analysis.Cascades.Graph;
using Baken.Domain;

namespace Baken.Application.Cascades;

/// <summary>
/// A scenario's initial disruptions of vital processes as analysts write them: "1: 24h; 6: 12h 0.5" — the process
/// code, how long it is down in hours, and optionally the share of it that is lost (default 1).
/// </summary>
public static class ScenarioDisruptions
{
    public const string Allowed = "Initial disruptions of vital processes: 'PROCESS: HOURSh [SEVERITY]' separated by ';', e.g. '1: 24h; 6: 12h 0.5' (severity 0–1, default 1)";

    public static IReadOnlyList<InitialDisruption> Parse(string? text)
    {
        var result = new List<InitialDisruption>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':');
            var words = colon > 0 ? part[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            if (colon <= 0 || words.Length is 0 or > 2 || !words[0].EndsWith('h')
                || !double.TryParse(words[0][..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || !(hours > 0) || hours > 8760)
                throw new DomainValidationException("disruptions", part, AllowedTexts.CascadesDisruptionHours.With(AllowedTexts.CascadesDisruptions));
            var severity = 1.0;
            if (words.Length == 2 && (!double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out severity) || !(severity > 0) || severity > 1))
                throw new DomainValidationException("disruptions", part, AllowedTexts.CascadesDisruptionSeverity.With(AllowedTexts.CascadesDisruptions));
            result.Add(new InitialDisruption(part[..colon].Trim(), 0, hours, severity));
        }
        return result;
    }
}
