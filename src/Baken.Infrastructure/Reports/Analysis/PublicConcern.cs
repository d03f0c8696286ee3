namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>
/// One topic of a public-concern poll (e.g. the 2017 GBVS flash poll, n = 1,012): the share of respondents concerned,
/// in percent (0..100), and the analysis theme it maps to (null when no theme fits; the mapping is an assumption).
/// </summary>
public sealed record PublicConcern
{
    public PublicConcern(string topic, double percent, string? themeCode)
    {
        if (string.IsNullOrWhiteSpace(topic)) throw new ArgumentException("A public-concern topic needs a name.", nameof(topic));
        if (!double.IsFinite(percent) || percent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"The share concerned about '{topic}' is a percentage in 0..100.");
        Topic = topic;
        Percent = percent;
        ThemeCode = string.IsNullOrWhiteSpace(themeCode) ? null : themeCode;
    }

    public string Topic { get; }
    public double Percent { get; }
    public string? ThemeCode { get; }
}

/// <summary>What the analysis report shows besides the result.</summary>
/// <param name="PublicConcern">Poll topics to compare with the analysts' ranking of themes; empty = the report says none was given.</param>
/// <param name="ThemeNames">Display names per theme code (themes without a name show their code; the register's Dutch and English names win).</param>
/// <param name="RunCode">The stored run's code; null for a run that was not stored.</param>
/// <param name="RunAtUtc">When the run was made (the writer reads no clock).</param>
/// <param name="ClassificationLabel">The marking printed on every page (e.g. "Ongerubriceerd").</param>
/// <param name="Title">Report title; null for the standard title in the report's language.</param>
/// <param name="AnonymousAnalysts">True outside the internal classified audience (<see cref="Application.Analysis.AnalystNames.Hidden"/>):
/// analysts appear as A1…An with their organisation, never by user name.</param>
public sealed record AnalysisReportOptions(
    IReadOnlyList<PublicConcern> PublicConcern,
    IReadOnlyDictionary<string, string>? ThemeNames = null,
    string? RunCode = null,
    DateTime? RunAtUtc = null,
    string? ClassificationLabel = null,
    string? Title = null,
    bool Concept = false,
    bool AnonymousAnalysts = false,
    string? KnowledgeWidening = null);
