using System.ComponentModel.DataAnnotations;
using Baken.Domain;

namespace Baken.Application.Analysis;

/// <summary>
/// Configuration section <c>Analysis</c>: whether the Monte Carlo widens the judgements of assessments whose strength of
/// knowledge is weak (docs/workflow.md). Off by default: a run is then exactly what it was before this option existed.
/// Validated when a host starts; a value out of range stops it naming the setting.
/// </summary>
public sealed class KnowledgeWideningOptions
{
    public const string Section = "Analysis";

    /// <summary>Widen where knowledge is weak. Default false.</summary>
    public bool WidenForWeakKnowledge { get; set; }

    /// <summary>An assessment's knowledge is weak when any of its pedigree scores is at most this. 0 … 3; default 1.</summary>
    [Range(0, 3)]
    public int WeakKnowledgeAtMost { get; set; } = 1;

    /// <summary>Classes added on each side of every class judgement of a weak assessment. 1 … 2; default 1.</summary>
    [Range(1, 2)]
    public int WideningSteps { get; set; } = 1;

    /// <summary>Each setting outside its range, as "Analysis:Name: 'value' is not allowed; allowed: …".</summary>
    public IReadOnlyList<string> Problems()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(m =>
        {
            var property = typeof(KnowledgeWideningOptions).GetProperty(m)!;
            var range = (RangeAttribute)property.GetCustomAttributes(typeof(RangeAttribute), false)[0];
            return FieldProblem.Describe($"{Section}:{m}", $"{property.GetValue(this)}", $"a whole number from {range.Minimum} to {range.Maximum}");
        })).ToList();
    }

    /// <summary>
    /// What a run records when the widening was on: "steps=1; at-most=1; assessments=E-DROUGHT.analyst-aivd,…" (read back
    /// with <see cref="ReadNote"/>, so a report says it in its own language).
    /// </summary>
    public string Describe(IReadOnlyList<string> widened) =>
        $"steps={WideningSteps}; at-most={WeakKnowledgeAtMost}; assessments={string.Join(',', widened)}";

    /// <summary>The parts of a recorded note; null for text that is not one.</summary>
    public static (int Steps, int AtMost, IReadOnlyList<string> Assessments)? ReadNote(string? note)
    {
        var parts = (note ?? "").Split(';', StringSplitOptions.TrimEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("steps", out var steps) || !int.TryParse(steps, out var s)
            || !parts.TryGetValue("at-most", out var atMost) || !int.TryParse(atMost, out var a)) return null;
        return (s, a, parts.GetValueOrDefault("assessments", "").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}
