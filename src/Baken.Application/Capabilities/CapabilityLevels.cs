using System.Globalization;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Capabilities;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Capabilities;

/// <summary>
/// The text forms of the typed values that link scenarios, organisations and measures to capabilities
/// (<see cref="CapabilityNeed"/>, <see cref="CapabilityLevel"/>, <see cref="CapabilityRaise"/>): read at the edge — import,
/// export, command line, the web form — and nowhere else. A part that cannot be read is a field error, never dropped.
/// Levels run 0–4 (indicative: 0 absent, 1 initial, 2 basic, 3 adequate, 4 strong).
/// Scenario: "CAP-MED@response=4; CAP-COMM=3". Organisation: "CAP-MED=2". Measure: "CAP-MED+1".
/// </summary>
public static class CapabilityLevels
{
    public const int MaxLevel = CapabilityScale.MaxLevel;

    public const string NeedsAllowed = "Capabilities needed and level 0–4, optionally per phase (prevention, preparation, response, recovery), separated by ';': 'CAP-MED@response=4; CAP-COMM=3'";
    public const string HoldingsAllowed = "Capabilities held and their current level 0–4, separated by ';': 'CAP-MED=2; CAP-COMM=3'";
    public const string RaisesAllowed = "Capability levels the measure adds once implemented, separated by ';': 'CAP-MED+1; CAP-COMM+2'";

    public static IReadOnlyList<CapabilityNeed> ParseNeeds(string? text, string field)
    {
        var needs = new List<CapabilityNeed>();
        foreach (var item in Items(text))
        {
            var eq = item.IndexOf('=');
            if (eq <= 0) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesNeeds);
            var left = item[..eq].Trim();
            var phase = CapabilityPhase.Any;
            var at = left.IndexOf('@');
            if (at >= 0)
            {
                var phaseText = left[(at + 1)..].Trim();
                if (!Enum.TryParse(phaseText, true, out phase) || phase == CapabilityPhase.Any || int.TryParse(phaseText, out _))
                    throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesPhasePreventionPreparationResponse);
                left = left[..at].Trim();
            }
            var code = Code(left, item, field);
            var level = Level(item[(eq + 1)..], item, field);
            if (needs.Any(n => n.Capability == code && n.Phase == phase))
                throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesEachCapabilityPhaseOnce);
            needs.Add(new CapabilityNeed(code, phase, level));
        }
        return needs;
    }

    public static IReadOnlyList<CapabilityLevel> ParseLevels(string? text, string field)
    {
        var levels = new List<CapabilityLevel>();
        foreach (var item in Items(text))
        {
            var eq = item.IndexOf('=');
            if (eq <= 0) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesHoldings);
            var code = Code(item[..eq], item, field);
            var level = Level(item[(eq + 1)..], item, field);
            if (levels.Any(l => l.Capability == code)) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesEachCapabilityOnce);
            levels.Add(new CapabilityLevel(code, level));
        }
        return levels;
    }

    public static IReadOnlyList<CapabilityRaise> ParseRaises(string? text, string field)
    {
        var raises = new List<CapabilityRaise>();
        foreach (var item in Items(text))
        {
            var plus = item.LastIndexOf('+');
            if (plus <= 0) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesRaises);
            var code = Code(item[..plus].TrimEnd('=', ' '), item, field);
            var by = Level(item[(plus + 1)..], item, field);
            if (by == 0) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesRaise14Levels);
            if (raises.Any(r => r.Capability == code)) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesEachCapabilityOnce);
            raises.Add(new CapabilityRaise(code, by));
        }
        return raises;
    }

    public static string? FormatNeeds(IReadOnlyList<CapabilityNeed>? needs) => needs is null || needs.Count == 0 ? null :
        string.Join("; ", needs.Select(n => n.Capability + (n.Phase == CapabilityPhase.Any ? "" : "@" + n.Phase.ToString().ToLowerInvariant()) + "=" + n.Level.ToString(CultureInfo.InvariantCulture)));

    public static string? FormatLevels(IReadOnlyList<CapabilityLevel>? levels) => levels is null || levels.Count == 0 ? null :
        string.Join("; ", levels.Select(l => l.Capability + "=" + l.Level.ToString(CultureInfo.InvariantCulture)));

    public static string? FormatRaises(IReadOnlyList<CapabilityRaise>? raises) => raises is null || raises.Count == 0 ? null :
        string.Join("; ", raises.Select(r => r.Capability + "+" + r.By.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A field error for every code that names no capability the caller may see (a hidden one reads as missing).</summary>
    public static async Task<IReadOnlyList<FieldError>> UnknownAsync(IBakenDb db, string field, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return [];
        var known = await db.Capabilities.Where(c => wanted.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        return wanted.Except(known, StringComparer.Ordinal).Select(c => new FieldError(field, c, AllowedTexts.CapabilitiesCodeExistingCapability)).ToList();
    }

    private static IEnumerable<string> Items(string? text) =>
        (text ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Code(string text, string item, string field)
    {
        var code = text.Trim();
        if (code.Length == 0 || code.Any(char.IsWhiteSpace)) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesCapabilityCodeWithoutSpaces);
        return code;
    }

    private static int Level(string text, string item, string field) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= MaxLevel
            ? level
            : throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesLevel.With(MaxLevel));
}
