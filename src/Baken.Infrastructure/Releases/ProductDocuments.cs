using System.Globalization;
using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Councils;
using Baken.Infrastructure.Reports.Dependencies;
using Baken.Infrastructure.Reports.Documents;
using Baken.Infrastructure.Reports.Progress;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Releases;

/// <summary>A product made for an audience: its document and its high-water mark (level and compartments).</summary>
public sealed record AudienceProduct(string Kind, string Subject, ReportDocument Document, Classification Classification);

/// <summary>
/// Every document product Baken releases, each made for an <see cref="Audience"/> in the same way: the progress report,
/// a meeting's agenda, minutes or public summary, the dependency section and the analysis summary of a run. The CLI,
/// the API and <c>baken release</c> all make products here, so what is shown, withheld and marked is decided once.
/// </summary>
public sealed class ProductDocuments(IBakenDb db, LoadStrategy strategy, MeetingPapers papers)
{
    public const string ProductKinds = "analysis (a run code), progress, agenda, minutes, summary (a meeting code), dependencies";

    /// <summary>The progress report: gaps found on the caller's full data, shown only where the audience sees their subject.</summary>
    public async Task<AudienceProduct> ProgressAsync(Audience audience, DateOnly asOf, string language, string? edition = null, CancellationToken ct = default)
    {
        var shown = await strategy.HandleAsync(audience, ct, edition);
        var full = audience == Audience.Caller ? shown : await strategy.HandleAsync(Audience.Caller, ct, edition);
        var (gaps, withheldGaps) = StrategyGaps.ForAudience(full, shown, asOf);
        var document = ProgressReport.Compose(shown, gaps, asOf, language, withheldGaps);
        return new AudienceProduct("progress", "progress", document, shown.Highest);
    }

    /// <summary>A meeting's agenda, minutes or public summary (the minutes for the public audience).</summary>
    public async Task<Result<AudienceProduct>> MeetingAsync(string kind, string meetingCode, Audience audience, string language, CancellationToken ct = default)
    {
        if (kind == "summary") audience = Audience.Public;
        var result = await papers.HandleAsync(meetingCode, audience, ct);
        if (!result.IsOk) return Result<AudienceProduct>.Failed(result);
        var view = result.Value!;
        var document = kind == "agenda" ? MeetingDocuments.Agenda(view, language) : MeetingDocuments.Minutes(view, language);
        return Result<AudienceProduct>.Ok(new AudienceProduct(kind, meetingCode, document, view.Highest));
    }

    /// <summary>The dependency section: the flagged dependencies the audience may see, and one withheld total.</summary>
    public async Task<AudienceProduct> DependenciesAsync(Audience audience, string language, CancellationToken ct = default)
    {
        var all = await db.Dependencies.AsNoTracking().ToListAsync(ct);
        var shown = all.Where(audience.Admits).ToList();
        var names = (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "dependency_domains").ToListAsync(ct))
            .ToDictionary(e => e.Code, e => language == "en" && e.NameEn.Length > 0 ? e.NameEn : e.Name);
        var concern = await Application.Dependencies.CountriesOfConcern.LoadAsync(db, ct);
        var directory = await CompartmentDirectory.LoadAsync(db, ct);
        var classification = Classification.Highest(shown.Select(d => d.Classification));
        var document = DependencyReport.Compose(shown, names, directory.Marking(classification), language, concern.Includes);
        if (WithheldNotice.For(all.Count - shown.Count, language == "nl") is { } notice)
            document = document with { Blocks = [notice, .. document.Blocks] };
        return new AudienceProduct("dependencies", "dependencies", document, classification);
    }

    /// <summary>
    /// The summary of a stored analysis run for an audience: the ranking of the scenarios the audience may see, and per
    /// theme how many scenarios it leaves out. Nothing is recomputed: a scenario whose result rests on an assessment the
    /// audience may not see is left out and counted, never shown as if the remaining analysts were the whole judgement.
    /// Analysts are never named.
    /// </summary>
    public async Task<Result<AudienceProduct>> AnalysisAsync(string runCode, Audience audience, string language, CancellationToken ct = default)
    {
        var run = await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Code == runCode, ct);
        if (run is null) return Result<AudienceProduct>.NotFound(AllowedTexts.NoAnalysisRun.With(runCode));
        var nl = language == "nl";
        string T(string dutch, string english) => nl ? dutch : english;

        var rows = JsonSerializer.Deserialize<List<string[]>>(run.InputsJson) ?? [];
        var header = rows.FirstOrDefault() ?? [];
        int Column(string name) => Array.FindIndex(header, h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
        var (idColumn, levelColumn) = (Column("scenario_id"), Column("classification"));
        var rowLevel = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        foreach (var r in rows.Skip(1).Where(r => idColumn >= 0 && idColumn < r.Length))
        {
            var level = levelColumn >= 0 && levelColumn < r.Length && ClassificationLevels.TryParse(r[levelColumn], out var l) ? l : ClassificationLevel.StaatsgeheimZeerGeheim;
            if (!rowLevel.TryGetValue(r[idColumn], out var seen) || level > seen) rowLevel[r[idColumn]] = level;
        }
        var scenarios = await db.Scenarios.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var assessmentMasks = (await db.Assessments.AsNoTracking().Select(a => new { a.ScenarioCode, a.CompartmentMask }).ToListAsync(ct))
            .GroupBy(a => a.ScenarioCode).ToDictionary(g => g.Key, g => g.Aggregate(0L, (m, a) => m | a.CompartmentMask), StringComparer.Ordinal);

        // A scenario's mark in this run: its rows' levels, its record and its assessments' compartments (never lower than the run's inputs).
        Classification MarkOf(string id) => Classification.Highest([
            new Classification(rowLevel.GetValueOrDefault(id, ClassificationLevel.StaatsgeheimZeerGeheim), assessmentMasks.GetValueOrDefault(id)),
            scenarios.TryGetValue(id, out var s) ? s.Classification : new Classification(ClassificationLevel.StaatsgeheimZeerGeheim, 0)]);
        bool Shown(string id) => audience == Audience.Caller ||
            (scenarios.TryGetValue(id, out var s) && audience.Admits(s) && audience.Admits(MarkOf(id), s.Publishable));

        var ranking = RunSummary.Parse(run.ResultsJson).OrderBy(s => s.Rank).ToList();
        var shown = ranking.Where(s => Shown(s.Id)).ToList();
        var left = ranking.Where(s => !Shown(s.Id)).GroupBy(s => s.Theme).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var classification = audience == Audience.Caller ? run.Classification : Classification.Highest(shown.Select(s => MarkOf(s.Id)));
        var directory = await CompartmentDirectory.LoadAsync(db, ct);

        var blocks = new List<DocumentBlock>
        {
            new Paragraph(T($"Analyse {run.Code} van {run.RunAtUtc:yyyy-MM-dd}: {shown.Count} scenario's in deze versie, gerangschikt naar risico.",
                $"Analysis {run.Code} of {run.RunAtUtc:yyyy-MM-dd}: {shown.Count} scenarios in this version, ranked by risk.")),
        };
        if (ranking.Count > shown.Count)
            blocks.Add(new Notice(T($"Niet opgenomen in deze versie: {ranking.Count - shown.Count} scenario('s). Hun uitkomsten rusten op gegevens die deze lezers niet mogen zien; ze zijn weggelaten, niet herberekend.",
                $"Withheld from this version: {ranking.Count - shown.Count} scenario(s). Their results rest on data these readers may not see; they are left out, not recomputed.")));
        foreach (var theme in ranking.Select(s => s.Theme).Distinct(StringComparer.Ordinal))
        {
            var inTheme = shown.Where(s => s.Theme == theme).ToList();
            var withheld = left.GetValueOrDefault(theme);
            blocks.Add(new Heading(1, theme.Length == 0 ? T("Zonder thema", "No theme") : theme));
            if (inTheme.Count > 0)
                blocks.Add(new Table(null,
                    [T("Rang", "Rank"), T("Scenario", "Scenario"), T("Waarschijnlijkheid", "Likelihood"), T("Impact", "Impact"), T("Analisten", "Analysts")],
                    inTheme.Select(s => (IReadOnlyList<string>)[s.Rank.ToString(CultureInfo.InvariantCulture), $"{s.Id} {s.Title}", s.Likelihood, s.ImpactBand,
                        s.AnalystCount.ToString(CultureInfo.InvariantCulture)]).ToList()));
            if (withheld > 0)
                blocks.Add(new Notice(T($"{withheld} scenario('s) in dit thema zijn niet opgenomen in deze versie.", $"{withheld} scenario(s) in this theme are not included in this version.")));
        }
        var document = new ReportDocument(T("Nationale risicoanalyse — rangorde", "National risk analysis — ranking"), language,
            directory.Marking(classification).Text, blocks, Subtitle: audience.IsPublic ? T("Openbare versie", "Public version") : null,
            DateText: run.RunAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Result<AudienceProduct>.Ok(new AudienceProduct("analysis", run.Code, document, classification));
    }
}
