using Baken.Application.Common;
using System.Globalization;
using Baken.Domain;
using Baken.Domain.Assessments;

namespace Baken.Application.Assessments;

/// <summary>
/// Strength of knowledge as a pedigree-style score (METHODS §7): 0 (weakest) to 4 (strongest) for the evidence base, the
/// agreement among experts and the understanding of the phenomenon. The wording of each score is catalogue data
/// (kind <c>knowledge_pedigree</c>, marked indicative); the scores are optional in the form, the register and the
/// assessment file (columns <see cref="Columns"/>).
/// </summary>
public static class KnowledgePedigree
{
    public const string Evidence = "knowledge_evidence";
    public const string Agreement = "knowledge_agreement";
    public const string Understanding = "knowledge_understanding";
    public static readonly IReadOnlyList<string> Columns = [Evidence, Agreement, Understanding];
    public const string Allowed = "a whole number from 0 (weakest) to 4 (strongest), or empty";
    /// <summary>The catalogue kind holding the descriptions, entry codes knowledge_pedigree.SOK-{EVIDENCE|AGREEMENT|UNDERSTANDING}-{0..4}.</summary>
    public const string CatalogueKind = "knowledge_pedigree";

    public static int? Parse(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < 0 or > 4)
            throw new DomainValidationException(field, value, AllowedTexts.AssessmentsKnowledge);
        return score;
    }

    public static string? Text(int? score) => score?.ToString(CultureInfo.InvariantCulture);

    /// <summary>"evidence 3 · agreement 2 · understanding 1" in the reader's language; null when no score is stated.</summary>
    public static string? Summary(int? evidence, int? agreement, int? understanding, bool english)
    {
        if (evidence is null && agreement is null && understanding is null) return null;
        string Part(string nl, string en, int? v) => (english ? en : nl) + " " + (v?.ToString(CultureInfo.InvariantCulture) ?? "–");
        return string.Join(" · ", Part("bewijs", "evidence", evidence), Part("overeenstemming", "agreement", agreement), Part("begrip", "understanding", understanding)) + "/4";
    }

    public static string? Summary(Assessment a, bool english) => Summary(a.KnowledgeEvidence, a.KnowledgeAgreement, a.KnowledgeUnderstanding, english);

    /// <summary>The weakest of the stated scores; null when none is stated.</summary>
    public static int? Weakest(int? evidence, int? agreement, int? understanding) =>
        new[] { evidence, agreement, understanding }.Where(v => v is not null).Min();
}
