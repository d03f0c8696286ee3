using Baken.Domain;
using System.Globalization;
using Baken.Methods.Strategy;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Reports.Progress;

/// <summary>
/// The progress report on the security strategy that the GBVS promised parliament every two years: per pillar and
/// goal the owner, the measures and their status, the indicators against baseline and target, then the gaps. It is
/// made from one snapshot only, so the public version is the same report with the withheld records left out — never
/// a copy edited by hand. Where something was left out the report says so at that place (under the goal), the totals
/// are over what the audience sees plus one withheld total, and "nothing linked" is said only when it is true on the
/// full register (METHODS §10).
/// </summary>
public static class ProgressReport
{
    /// <param name="withheldGaps">Gaps found on the full data but about records this audience does not see (<see cref="StrategyGaps.ForAudience"/>).</param>
    public static ReportDocument Compose(StrategySnapshot s, GapReport gaps, DateOnly asOf, string language = "nl", int withheldGaps = 0)
    {
        var nl = language == "nl";
        string T(string dutch, string english) => nl ? dutch : english;
        // Dates and numbers in the report's language: "2 december 2026" and "1,5" in Dutch, "2 December 2026" and "1.5" in English.
        var culture = CultureInfo.GetCultureInfo(nl ? "nl-NL" : "en-GB");
        string Date(DateOnly d) => d.ToString("d MMMM yyyy", culture);
        string Number(double? v) => v?.ToString("#,##0.###", culture) ?? "";
        var blocks = new List<DocumentBlock>();

        var implemented = s.Measures.Count(m => m.Status == MeasureStatus.Implemented);
        var running = s.Measures.Count(m => m.Status == MeasureStatus.InProgress);
        blocks.Add(new Heading(1, T("Samenvatting", "Summary")));
        blocks.Add(new Paragraph(T(
            $"Deze rapportage beschrijft de stand op {Date(asOf)} van {s.Goals.Count} doelen, {s.Measures.Count} maatregelen ({implemented} uitgevoerd, {running} in uitvoering) en {s.Indicators.Count} indicatoren. De gap-analyse vindt {gaps.ProblemCount} knelpunten.",
            $"This report describes the state on {Date(asOf)} of {s.Goals.Count} goals, {s.Measures.Count} measures ({implemented} implemented, {running} in progress) and {s.Indicators.Count} indicators. The gap analysis finds {gaps.ProblemCount} problems.")));
        if (WithheldNotice.For(s.WithheldCount, nl) is { } notice) blocks.Add(notice);
        if (s.RunCode is not null)
            blocks.Add(new Paragraph(T($"Rangorde van scenario's volgens analyse {s.RunCode}.", $"Ranking of scenarios from analysis run {s.RunCode}.")));

        foreach (var pillar in Enum.GetValues<StrategyPillar>())
        {
            var goals = s.Goals.Where(g => g.Pillar == pillar).ToList();
            if (goals.Count == 0) continue;
            blocks.Add(new Heading(1, pillar.ToString()));
            foreach (var g in goals)
            {
                blocks.Add(new Heading(2, $"{g.Code} {(nl || string.IsNullOrEmpty(g.TitleEn) ? g.Title : g.TitleEn)}"));
                var status = s.LatestStatus(new RecordLink("goal", g.Code));
                blocks.Add(new Paragraph(
                    T("Eigenaar: ", "Owner: ") + (g.OwnerCode ?? T("geen", "none")) + " · " +
                    T("Laatste stand: ", "Latest status: ") + (status is null ? T("geen rapportage", "no update") : $"{Status(status.Status, nl)} ({Date(status.Date)})")));
                if (status?.Comment is { Length: > 0 } comment) blocks.Add(new Paragraph(comment));

                var measureCodes = g.Measures.ToHashSet(StringComparer.Ordinal);
                var measures = s.Measures.Where(m => measureCodes.Contains(m.Code)).ToList();
                if (measures.Count > 0)
                    blocks.Add(new Table(T("Maatregelen", "Measures"),
                        [T("Code", "Code"), T("Maatregel", "Measure"), T("Eigenaar", "Owner"), T("Status", "Status"), T("Gereed", "Due")],
                        measures.Select(m => (IReadOnlyList<string>)[m.Code, m.Title, m.OwnerCode ?? "", ReportWords.MeasureStatus(m.Status, nl), m.Due is { } d ? Date(d) : ""]).ToList()));
                var indicators = s.Indicators.Where(i => i.GoalCode == g.Code).ToList();
                if (indicators.Count > 0)
                    blocks.Add(new Table(T("Indicatoren", "Indicators"),
                        [T("Indicator", "Indicator"), T("Nulmeting", "Baseline"), T("Doel", "Target"), T("Termijn", "Deadline"), T("Laatste waarde", "Latest value")],
                        indicators.Select(i =>
                        {
                            var last = s.LatestValue(i.Code);
                            return (IReadOnlyList<string>)[i.Title + (i.Unit is null ? "" : $" ({i.Unit})"), Number(i.Baseline), Number(i.Target),
                                i.Deadline is { } d ? Date(d) : "", last is null ? T("geen", "none") : $"{Number(last.Value)} ({Date(last.Date)})"];
                        }).ToList()));
                var left = s.WithheldPerGoal.GetValueOrDefault(g.Code);
                if (left > 0)
                    blocks.Add(new Notice(T($"{left} maatregel(en) of indicator(en) bij dit doel zijn niet opgenomen in deze versie.",
                        $"{left} measure(s) or indicator(s) of this goal are not included in this version.")));
                else if (measures.Count == 0 && indicators.Count == 0 && !s.GoalsLinkedOnFullData.Contains(g.Code))
                    blocks.Add(new Paragraph(T("Geen maatregelen of indicatoren gekoppeld.", "No measures or indicators linked."), Emphasis: true));
                else if (measures.Count == 0 && indicators.Count == 0)
                    // Linked records exist that even the maker may not see: say only what is true on the full data.
                    blocks.Add(new Paragraph(T("In deze versie zijn bij dit doel geen maatregelen of indicatoren opgenomen.",
                        "This version includes no measures or indicators for this goal.")));
            }
        }

        blocks.Add(new Heading(1, T("Knelpunten (gap-analyse)", "Gaps")));
        blocks.Add(gaps.Gaps.Count == 0
            ? new Paragraph(T("Geen knelpunten gevonden.", "No gaps found."))
            : new Table(null, [T("Soort", "Kind"), T("Onderwerp", "Subject"), T("Toelichting", "Explanation")],
                gaps.Gaps.Select(x => (IReadOnlyList<string>)[GapTexts.Kind(x.Kind, culture), $"{x.SubjectCode} {x.SubjectTitle}", GapTexts.Text(x, culture)]).ToList()));
        if (withheldGaps > 0)
            blocks.Add(new Notice(T($"{withheldGaps} knelpunt(en) over gegevens die niet in deze versie staan zijn niet opgenomen.",
                $"{withheldGaps} gap(s) about records not in this version are not included.")));

        var subtitle = T("Uitvoering van de veiligheidsstrategie", "Implementation of the security strategy") +
            (s.Audience.IsPublic ? T(" — openbare versie", " — public version") : "");
        return new ReportDocument(T("Voortgangsrapportage nationale veiligheid", "Progress report on national security"), language, s.Marking.Text, blocks,
            Subtitle: subtitle, DateText: Date(asOf));
    }

    private static string Status(ProgressStatus status, bool nl) => (status, nl) switch
    {
        (ProgressStatus.OnTrack, true) => "op koers", (ProgressStatus.AtRisk, true) => "risico", (ProgressStatus.OffTrack, true) => "uit koers", (ProgressStatus.Done, true) => "gereed",
        (ProgressStatus.OnTrack, false) => "on track", (ProgressStatus.AtRisk, false) => "at risk", (ProgressStatus.OffTrack, false) => "off track", _ => "done",
    };

}
