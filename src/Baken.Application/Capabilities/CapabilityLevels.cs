using System.Globalization;
using Baken.Application.Common;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Capabilities;

/// <summary>The four phases of a capability session (METHODS §8).</summary>
public enum CapabilityPhase { Any, Prevention, Preparation, Response, Recovery }

/// <summary>A scenario's need for a capability: the level (0–4) it calls for, in one phase or in any.</summary>
public sealed record CapabilityNeed(string Capability, CapabilityPhase Phase, int Level);

/// <summary>
/// The small texts that link scenarios, organisations and measures to capabilities, parsed once at the edge.
/// Levels run 0–4 (indicative: 0 absent, 1 initial, 2 basic, 3 adequate, 4 strong).
/// Scenario: "CAP-MED@response=4; CAP-COMM=3". Organisation: "CAP-MED=2". Measure: "CAP-MED+1".
/// </summary>
public static class CapabilityLevels
{
    public const int MaxLevel = 4;

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

    public static IReadOnlyDictionary<string, int> ParseLevels(string? text, string field)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in Items(text))
        {
            var eq = item.IndexOf('=');
            if (eq <= 0) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesHoldings);
            var code = Code(item[..eq], item, field);
            if (!levels.TryAdd(code, Level(item[(eq + 1)..], item, field))) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesEachCapabilityOnce);
        }
        return levels;
    }

    public static IReadOnlyDictionary<string, int> ParseRaises(string? text, string field)
    {
        var raises = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in Items(text))
        {
            var plus = item.LastIndexOf('+');
            if (plus <= 0) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesRaises);
            var code = Code(item[..plus].TrimEnd('=', ' '), item, field);
            var by = Level(item[(plus + 1)..], item, field);
            if (by == 0) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesRaise14Levels);
            if (!raises.TryAdd(code, by)) throw new DomainValidationException(field, item, AllowedTexts.CapabilitiesEachCapabilityOnce);
        }
        return raises;
    }

    public static string? FormatNeeds(IReadOnlyList<CapabilityNeed> needs) => needs.Count == 0 ? null :
        string.Join("; ", needs.Select(n => n.Capability + (n.Phase == CapabilityPhase.Any ? "" : "@" + n.Phase.ToString().ToLowerInvariant()) + "=" + n.Level.ToString(CultureInfo.InvariantCulture)));

    public static string? FormatLevels(IReadOnlyDictionary<string, int> levels) => levels.Count == 0 ? null :
        string.Join("; ", levels.Select(l => l.Key + "=" + l.Value.ToString(CultureInfo.InvariantCulture)));

    public static string? FormatRaises(IReadOnlyDictionary<string, int> raises) => raises.Count == 0 ? null :
        string.Join("; ", raises.Select(l => l.Key + "+" + l.Value.ToString(CultureInfo.InvariantCulture)));

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
