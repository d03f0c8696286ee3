using System.Globalization;
using System.Text.RegularExpressions;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Capabilities;
using Baken.Domain.Capabilities;
using Baken.Domain.Catalogue;
using Baken.Domain.Strategy;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>
/// The integrated analysis as the council reads it, composed once as a <see cref="ReportDocument"/> and written as HTML
/// (with a print stylesheet) and DOCX by the shared writers, in Dutch (default) or English:
/// a one-page summary for the council (top risks with intervals, what changed since the previous run and why, the
/// largest disagreements, the weakest knowledge), the risk diagram, the ranking, a chapter per theme, one risk sheet per
/// scenario in the spirit of the UK National Risk Register, the capability gaps, and an annex with method, scales,
/// settings, seed, code version and sensitivity. Marking lines come from the document model, so the report carries
/// whatever marking the model prints on every page.
/// </summary>
public static partial class AnalysisReport
{
    [GeneratedRegex(@"^(?<q>\S+)(?: (?<unit>.+?))? lies in (?<rest>[XA-E]: .+) \(scale v(?<v>\d+)(?<ind>, indicative)?\)$")]
    private static partial Regex ImpactDerivation();

    private const int TopRisks = 5;
    private const int DiagramWidth = 860;
    private const int DiagramHeight = 620;

    public static ReportDocument Compose(AnalysisResult result, AnalysisReportOptions options, ReportDetails? details = null, string language = "nl")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var w = new Words(language, result, options, details ?? ReportDetails.None);
        var blocks = new List<DocumentBlock>();
        Summary(blocks, w);
        Diagram(blocks, w);
        Ranking(blocks, w);
        Themes(blocks, w);
        blocks.Add(new PageBreak());
        blocks.Add(new Heading(1, w.T("Risicokaarten", "Risk sheets")));
        blocks.Add(new Paragraph(w.T(
            "Per scenario: het scenario en de aannames, de impact per criterium, de waarschijnlijkheid, de spreiding tussen analisten en de sterkte van de kennis, de samenhang met andere risico's, de maatregelen en de benodigde capaciteiten.",
            "Per scenario: the scenario and its assumptions, the impact per criterion, the likelihood, the spread between analysts and the strength of knowledge, links with other risks, the measures and the capabilities needed.")));
        foreach (var s in result.Scenarios) blocks.AddRange(RiskSheet(s, w, level: 2));
        Capabilities(blocks, w);
        Annex(blocks, w);

        var title = options.Title ?? w.T("Geïntegreerde risicoanalyse nationale veiligheid", "Integrated national security risk analysis");
        // A run on assessments that are not all validated says so in its title, wherever the report goes.
        if (options.Concept) title = w.T("CONCEPT (niet-gevalideerde beoordelingen) — ", "CONCEPT (assessments not validated) — ") + title;
        var marking = options.ClassificationLabel ?? w.T("ONGERUBRICEERD", "UNCLASSIFIED");
        return new ReportDocument(title, w.Language, marking, blocks, Subtitle(w), w.RunDate);
    }

    /// <summary>One scenario's risk sheet as blocks (the workbench shows the same sheet as a page); null when the run has no such scenario.</summary>
    public static IReadOnlyList<DocumentBlock>? RiskSheet(AnalysisResult result, string scenario, AnalysisReportOptions options, ReportDetails? details, string language)
    {
        var s = result.Scenarios.FirstOrDefault(x => x.Id == scenario);
        return s is null ? null : RiskSheet(s, new Words(language, result, options, details ?? ReportDetails.None), level: 1);
    }

    /// <summary>The run's widening where knowledge is weak, in the report's language; null when it was off.</summary>
    private static string? Widening(Words w)
    {
        if (KnowledgeWideningOptions.ReadNote(w.Options.KnowledgeWidening) is not { } note) return null;
        var list = note.Assessments.Count == 0 ? "" : " (" + string.Join(", ", note.Assessments) + ")";
        return w.T($"±{note.Steps} klasse(n) bij beoordelingen met een pedigreescore ≤ {note.AtMost}: {note.Assessments.Count} beoordeling(en){list}",
            $"±{note.Steps} class(es) for assessments with a pedigree score ≤ {note.AtMost}: {note.Assessments.Count} assessment(s){list}");
    }

    private static string Subtitle(Words w) =>
        (w.Options.RunCode is { } run ? w.T("Analyse ", "Analysis run ") + run : w.T("Niet opgeslagen analyse", "Analysis not stored")) +
        " · " + w.T("code ", "code ") + (w.Result.Settings.CodeVersion ?? w.T("onbekend", "unknown"));

    // ---------------------------------------------------------------- summary

    private static void Summary(List<DocumentBlock> blocks, Words w)
    {
        var r = w.Result;
        blocks.Add(new Heading(1, w.T("Samenvatting voor de raad", "Summary for the council")));
        var analysts = r.Scenarios.Sum(s => s.Disagreement.AnalystCount);
        blocks.Add(new Paragraph(w.T(
            $"Deze analyse beoordeelt {r.Scenarios.Count} scenario's op {r.Criteria.Count} impactcriteria met {analysts} beoordelingen van analisten, volgens de methode van de Nationale Risicobeoordeling (gewichtenset '{w.Profile(r.Settings.Profile)}', factor {w.N(r.Settings.Factor)}" +
            (r.Settings.Iterations > 0 ? $", {w.N(r.Settings.Iterations, "N0")} Monte-Carlotrekkingen)." : ")."),
            $"This analysis assesses {r.Scenarios.Count} scenarios on {r.Criteria.Count} impact criteria from {analysts} analysts' assessments, by the method of the National Risk Assessment (weight set '{r.Settings.Profile}', factor {w.N(r.Settings.Factor)}" +
            (r.Settings.Iterations > 0 ? $", {w.N(r.Settings.Iterations, "N0")} Monte Carlo draws)." : ")."))));
        // The optional widening is not part of the national method: a reader must see that the intervals were widened.
        if (Widening(w) is { } widened)
            blocks.Add(new Paragraph(w.T(
                $"Let op: de Monte-Carlosimulatie heeft de oordelen met zwakke kennis verbreed (indicatief, geen onderdeel van de methode): {widened}. De intervallen zijn daardoor breder; de consensus en de rangorde zelf zijn ongewijzigd.",
                $"Note: the Monte Carlo simulation widened the judgements with weak knowledge (indicative, not part of the method): {widened}. The intervals are wider for it; the consensus and the ranking itself are unchanged.")));

        var top = r.Scenarios.Take(TopRisks).ToList();
        blocks.Add(new Table(w.T($"De {top.Count} grootste risico's", $"The {top.Count} largest risks"),
            [w.T("Rang", "Rank"), w.T("Scenario", "Scenario"), w.T("Waarschijnlijkheid", "Likelihood"), w.T("Impact", "Impact"), w.T("90%-interval impact", "90% interval of impact"), w.T("Kans op top 5", "P(top 5)")],
            top.Select(s => (IReadOnlyList<string>)[
                s.Rank.ToString(CultureInfo.InvariantCulture), $"{s.Id} {s.Title}",
                s.Likelihood + (s.MonteCarlo is { } m ? $" ({m.LikelihoodP05}–{m.LikelihoodP95})" : ""),
                $"{s.ImpactBand} (I = {w.N(s.ImpactValue, "0.##")})",
                s.MonteCarlo is { } mc ? $"{w.N(mc.P05, "0.#")} – {w.N(mc.P95, "0.#")} ({mc.BandP05}–{mc.BandP95})" : w.T("niet berekend", "not computed"),
                s.MonteCarlo is { } p ? w.Percent(p.PTop5) : "–",
            ]).ToList()));

        blocks.Add(new Heading(2, w.T("Wat veranderde sinds de vorige analyse", "What changed since the previous run")));
        if (w.Details.SincePrevious is { } since)
        {
            var moves = since.Moves.Where(m => m.RankBefore != m.RankAfter || m.Reasons.Count > 0)
                .OrderByDescending(m => Math.Abs((m.RankBefore ?? 0) - (m.RankAfter ?? 0))).ThenBy(m => m.RankAfter ?? int.MaxValue).Take(8).ToList();
            blocks.Add(new Paragraph(w.T($"Vergeleken met analyse {since.Before}.", $"Compared with run {since.Before}.") +
                (since.SettingChanges.Count == 0 ? w.T(" De instellingen zijn gelijk.", " The settings are the same.")
                    : w.T(" Gewijzigde instellingen: ", " Settings changed: ") + string.Join("; ", since.SettingChanges.Select(w.Reason)) + ".")));
            if (moves.Count == 0) blocks.Add(new Paragraph(w.T("Geen scenario is verschoven.", "No scenario moved.")));
            else
                blocks.Add(new BulletList(moves.Select(m =>
                    $"{m.Id} {m.Title}: {w.T("rang", "rank")} {m.RankBefore?.ToString(CultureInfo.InvariantCulture) ?? "–"} → {m.RankAfter?.ToString(CultureInfo.InvariantCulture) ?? "–"}" +
                    (m.Reasons.Count > 0 ? " — " + string.Join("; ", m.Reasons.Select(w.Reason)) : "")).ToList()));
        }
        else
        {
            blocks.Add(new Paragraph(w.T("Er is geen eerdere opgeslagen analyse om mee te vergelijken.", "There is no earlier stored run to compare with.")));
        }

        blocks.Add(new Heading(2, w.T("Grootste verschillen van inzicht", "Largest disagreements")));
        var disagreements = r.Scenarios.Where(s => s.Disagreement.MaxRangeInClasses >= 2 || s.Disagreement.LikelihoodRangeInClasses >= 2)
            .OrderByDescending(s => s.Disagreement.ShareOfCriteriaTwoOrMoreApart).ThenByDescending(s => s.Disagreement.MaxRangeInClasses).ThenBy(s => s.Rank).Take(3).ToList();
        blocks.Add(disagreements.Count == 0
            ? new Paragraph(w.T("Nergens liggen analisten twee of meer klassen uiteen.", "Nowhere are analysts two or more classes apart."))
            : new BulletList(disagreements.Select(s => w.T(
                $"{s.Id} {s.Title}: op {w.Percent(s.Disagreement.ShareOfCriteriaTwoOrMoreApart)} van de criteria liggen de {s.Disagreement.AnalystCount} analisten twee of meer klassen uiteen (grootste spreiding {s.Disagreement.MaxRangeInClasses} klassen; waarschijnlijkheid {s.LikelihoodDisagreement.Min}–{s.LikelihoodDisagreement.Max}).",
                $"{s.Id} {s.Title}: on {w.Percent(s.Disagreement.ShareOfCriteriaTwoOrMoreApart)} of the criteria the {s.Disagreement.AnalystCount} analysts are two or more classes apart (largest range {s.Disagreement.MaxRangeInClasses} classes; likelihood {s.LikelihoodDisagreement.Min}–{s.LikelihoodDisagreement.Max}).")).ToList()));

        var knowledge = r.Scenarios.Select(s => (Scenario: s, Stated: s.AnalystLikelihoods.Where(a => a.Confidence is not null).Select(a => a.Confidence!.Value).ToList()))
            .Where(x => x.Stated.Count > 0).ToList();
        if (knowledge.Count > 0)
        {
            blocks.Add(new Heading(2, w.T("Zwakste kennis", "Weakest knowledge")));
            var weakest = knowledge.OrderBy(x => x.Stated.Min()).ThenBy(x => x.Stated.Average(c => (int)c)).ThenBy(x => x.Scenario.Rank).Take(3).ToList();
            blocks.Add(new BulletList(weakest.Select(x => w.T(
                $"{x.Scenario.Id} {x.Scenario.Title}: sterkte van kennis {string.Join(", ", x.Stated.Select(w.Confidence))} (rang {x.Scenario.Rank}).",
                $"{x.Scenario.Id} {x.Scenario.Title}: strength of knowledge {string.Join(", ", x.Stated.Select(w.Confidence))} (rank {x.Scenario.Rank}).")).ToList()));
        }
        blocks.Add(new PageBreak());
    }

    // ---------------------------------------------------------------- diagram, ranking, themes

    private static void Diagram(List<DocumentBlock> blocks, Words w)
    {
        var r = w.Result;
        blocks.Add(new Heading(1, w.T("Risicodiagram", "Risk diagram")));
        var names = r.Scenarios.Select(s => s.Theme).Distinct(StringComparer.Ordinal).ToDictionary(t => t, w.Theme, StringComparer.Ordinal);
        var text = RiskDiagramText.For(w.Language);
        var hasMc = r.Scenarios.Any(s => s.MonteCarlo is not null);
        var top = string.Join(", ", r.Scenarios.Take(3).Select(s => $"{s.Id} ({s.Likelihood}, {s.ImpactBand})"));
        blocks.Add(new Figure(
            w.T("Risicodiagram: waarschijnlijkheid tegen impact", "Risk diagram: likelihood against impact"),
            w.T($"{r.Scenarios.Count} scenario's uitgezet met de waarschijnlijkheidsklasse (A–E) horizontaal en de impactklasse (A–E) verticaal; elk punt draagt de code van het scenario, kleur en vorm geven het thema. Hoogst gerangschikt: {top}.",
                $"{r.Scenarios.Count} scenarios plotted with the likelihood class (A–E) across and the impact band (A–E) up; each mark carries the scenario's code, colour and shape give the theme. Highest ranked: {top}."),
            RiskDiagram.ToSvg(r, names, DiagramWidth, DiagramHeight, text),
            RiskDiagram.ToPng(r, names, DiagramWidth, DiagramHeight, text),
            DiagramWidth, DiagramHeight,
            w.T("Waarschijnlijkheidsklasse (x) tegen impact (y, 1 + logf I(s)); één punt per scenario met de code als label, thema in kleur én vorm",
                "Likelihood class (x) against impact (y, 1 + logf I(s)); one mark per scenario labelled with its code, theme by colour and shape") +
            (hasMc ? w.T("; de snorharen tonen het Monte-Carlo 90%-interval (5e tot 95e percentiel).", "; whiskers show the Monte Carlo 90% interval (5th to 95th percentile).") : ".")));
    }

    private static void Ranking(List<DocumentBlock> blocks, Words w)
    {
        var r = w.Result;
        var hasMc = r.Scenarios.Any(s => s.MonteCarlo is not null);
        blocks.Add(new Heading(1, w.T("Rangorde", "Ranking")));
        blocks.Add(new Paragraph(w.T(
            "Rang 1 heeft de hoogste impactscore I(s); bij gelijke score gaat de hogere waarschijnlijkheid voor, dan de scenariocode. De medaillemethode en Evamix zijn ordinale controles.",
            "Rank 1 has the highest impact score I(s); ties go to the higher likelihood, then the scenario code. The medal method and Evamix are ordinal checks.")));
        List<string> headers = [w.T("Rang", "Rank"), w.T("Scenario", "Scenario"), w.T("Thema", "Theme"), w.T("Waarschijnlijkheid", "Likelihood"), "I(s)", w.T("Impactklasse", "Impact band")];
        if (hasMc) headers.AddRange([w.T("90%-interval I(s)", "I(s) 90% interval"), w.T("Kans op top 5", "P(top 5)"), w.T("Kans op top 10", "P(top 10)")]);
        headers.AddRange([w.T("Medaille", "Medal"), "Evamix"]);
        blocks.Add(new Table(null, headers, r.Scenarios.Select(s =>
        {
            List<string> row = [s.Rank.ToString(CultureInfo.InvariantCulture), $"{s.Id} {s.Title}", w.Theme(s.Theme), s.Likelihood.ToString(), w.N(s.ImpactValue, "0.###"), s.ImpactBand.ToString()];
            if (hasMc)
                row.AddRange(s.MonteCarlo is { } m
                    ? [$"{w.N(m.P05, "0.##")} – {w.N(m.P95, "0.##")}", w.Percent(m.PTop5), w.Percent(m.PTop10)]
                    : ["–", "–", "–"]);
            row.AddRange([s.MedalRank.ToString(CultureInfo.InvariantCulture), s.EvamixRank.ToString(CultureInfo.InvariantCulture)]);
            return (IReadOnlyList<string>)row;
        }).ToList()));
    }

    private static void Themes(List<DocumentBlock> blocks, Words w)
    {
        blocks.Add(new Heading(1, w.T("Per thema", "By theme")));
        foreach (var group in w.Result.Scenarios.GroupBy(s => s.Theme, StringComparer.Ordinal).OrderBy(g => g.Min(s => s.Rank)))
        {
            var list = group.ToList();
            blocks.Add(new Heading(2, w.Theme(group.Key)));
            blocks.Add(new Paragraph(w.T(
                $"{list.Count} scenario's; hoogste rang {list[0].Rank} ({list[0].Id} {list[0].Title}).",
                $"{list.Count} scenarios; highest rank {list[0].Rank} ({list[0].Id} {list[0].Title}).")));
            blocks.Add(new Table(null,
                [w.T("Rang", "Rank"), w.T("Scenario", "Scenario"), w.T("Soort", "Kind"), w.T("Waarschijnlijkheid", "Likelihood"), w.T("Impactklasse", "Impact band"), w.T("Criteria met klasse D of E", "Criteria at class D or E")],
                list.Select(s => (IReadOnlyList<string>)[
                    s.Rank.ToString(CultureInfo.InvariantCulture), $"{s.Id} {s.Title}", w.Kind(s.Kind), s.Likelihood.ToString(), s.ImpactBand.ToString(),
                    string.Join(", ", s.Criteria.Where(c => c.Consensus >= ImpactClass.D).Select(c => $"{c.Code} ({c.Consensus})")) is { Length: > 0 } high ? high : "–",
                ]).ToList()));
        }
    }

    // ---------------------------------------------------------------- risk sheet

    private static List<DocumentBlock> RiskSheet(ScenarioResult s, Words w, int level)
    {
        var d = w.Details.Scenarios.GetValueOrDefault(s.Id);
        var sub = Math.Min(3, level + 1);
        var b = new List<DocumentBlock> { new Heading(level, $"{s.Id} {s.Title}") };
        var m = s.MonteCarlo;
        var facts = new List<IReadOnlyList<string>>
        {
            new[] { w.T("Thema", "Theme"), w.Theme(s.Theme) },
            new[] { w.T("Soort", "Kind"), w.Kind(s.Kind) },
            new[] { w.T("Rang", "Rank"), s.Rank.ToString(CultureInfo.InvariantCulture) + (m is null ? "" : w.T($" (mediaan over de trekkingen {w.N(m.MedianRank, "0.#")}; kans op top 5 {w.Percent(m.PTop5)}, top 10 {w.Percent(m.PTop10)})", $" (median over the draws {w.N(m.MedianRank, "0.#")}; P(top 5) {w.Percent(m.PTop5)}, P(top 10) {w.Percent(m.PTop10)})")) },
            new[] { w.T("Waarschijnlijkheid", "Likelihood"), s.Likelihood + (m is null ? "" : w.T($" (90%-interval {m.LikelihoodP05}–{m.LikelihoodP95})", $" (90% interval {m.LikelihoodP05}–{m.LikelihoodP95})")) },
            new[] { w.T("Impact", "Impact"), $"{s.ImpactBand}, I(s) = {w.N(s.ImpactValue, "0.###")}" + (m is null ? "" : w.T($" (90%-interval {w.N(m.P05, "0.##")}–{w.N(m.P95, "0.##")}, klasse {m.BandP05}–{m.BandP95})", $" (90% interval {w.N(m.P05, "0.##")}–{w.N(m.P95, "0.##")}, band {m.BandP05}–{m.BandP95})")) },
            new[] { w.T("Gevoeligheid", "Sensitivity"), w.T($"rang {s.Sensitivity.MinRank}–{s.Sensitivity.MaxRank} over de varianten", $"rank {s.Sensitivity.MinRank}–{s.Sensitivity.MaxRank} across the variants") + (s.Sensitivity.Flagged ? w.T($"; ⚑ verschuift {s.Sensitivity.LargestMove} plaatsen", $"; ⚑ moves {s.Sensitivity.LargestMove} places") : "") },
        };
        if (d is not null)
        {
            facts.Add([w.T("Rubricering", "Classification"), d.Classification]);
            facts.Add([w.T("Horizon", "Horizon"), w.T($"{d.HorizonYears} jaar", $"{d.HorizonYears} years")]);
            if (d.RiskCode is not null) facts.Add([w.T("Risico", "Risk"), d.RiskCode]);
        }
        b.Add(new Table(w.T("Kerngegevens", "Key facts"), [w.T("Gegeven", "Item"), w.T("Waarde", "Value")], facts));

        b.Add(new Heading(sub, w.T("Scenario en aannames", "Scenario and assumptions")));
        b.Add(Labelled(w.T("Verhaal", "Narrative"), d?.Narrative, w));
        b.Add(Labelled(w.T("Redelijk ergste geval", "Reasonable worst case"), d?.ReasonableWorstCase, w));
        b.Add(Labelled(w.T("Aannames", "Assumptions"), d?.Assumptions, w));

        b.Add(new Heading(sub, w.T("Impact per criterium", "Impact per criterion")));
        b.Add(new Table(null,
            [w.T("Criterium", "Criterion"), w.T("Consensus", "Consensus"), w.T("Spreiding", "Range"), w.T("Oordelen van analisten (klasse of hoeveelheid zoals ingevoerd)", "Analysts' judgements (class or quantity as entered)")],
            s.Criteria.Select(c => (IReadOnlyList<string>)[
                w.Criterion(c.Code), c.Consensus.ToString(), $"{c.Min}–{c.Max}" + (c.RangeInClasses >= 2 ? " ⚑" : ""),
                string.Join("\n", c.AnalystClasses.Select(a => w.Who(a.Analyst, a.Organisation) + ": " + w.Derivation(Entered(d, a.Analyst, c.Code, a.Judgement)) + (Entered(d, a.Analyst, c.Code, a.Judgement) == a.PointClass.ToString() ? "" : $" → {a.PointClass}"))),
            ]).ToList()));

        b.Add(new Heading(sub, w.T("Waarschijnlijkheid", "Likelihood")));
        var threat = s.Kind == RiskKind.Threat;
        List<string> headers = [w.T("Analist", "Analyst"), w.T("Oordeel zoals ingevoerd", "Judgement as entered"), w.T("Klasse", "Class")];
        if (threat) headers.AddRange([w.T("Intentie / capaciteit / kwetsbaarheid", "Intent / capability / vulnerability"), w.T("Voorstel dreigingsregel", "Threat rule suggests"), w.T("Reden van afwijking", "Reason for override")]);
        headers.Add(w.T("Sterkte van kennis", "Strength of knowledge"));
        b.Add(new Table(null, headers, s.AnalystLikelihoods.Select(a =>
        {
            var entered = d?.Assessments.FirstOrDefault(x => x.Analyst == a.Analyst);
            List<string> row = [w.Who(a.Analyst, a.Organisation), entered?.Likelihood is { Length: > 0 } l ? l : a.Judgement, a.PointClass.ToString()];
            if (threat)
                row.AddRange([
                    entered is null ? "–" : $"{entered.Intent ?? "–"} / {entered.Capability ?? "–"} / {entered.Vulnerability ?? "–"}",
                    a.SuggestedByRule?.ToString() ?? "–", a.OverrideReason ?? "–",
                ]);
            var pedigree = entered is null ? null : Application.Assessments.KnowledgePedigree.Summary(entered.Knowledge.Evidence, entered.Knowledge.Agreement, entered.Knowledge.Understanding, english: !w.Nl);
            row.Add(string.Join("; ", new[] { a.Confidence is { } c ? w.Confidence(c) : null, pedigree }.Where(x => x is not null)) is { Length: > 0 } sok ? sok : "–");
            return (IReadOnlyList<string>)row;
        }).ToList()));
        if (threat)
            b.Add(new Paragraph(w.T(
                $"Bij moedwillige scenario's stelt de dreigingsregel ({(w.Result.Settings.ThreatRule == ThreatRuleKind.Minimum ? "minimum" : "afgerond meetkundig gemiddelde")} van intentie, capaciteit en kwetsbaarheid) een klasse voor; een analist die afwijkt, geeft een reden.",
                $"For malicious scenarios the threat rule ({(w.Result.Settings.ThreatRule == ThreatRuleKind.Minimum ? "minimum" : "rounded geometric mean")} of intent, capability and vulnerability) suggests a class; an analyst who overrides it gives a reason.")));

        b.Add(new Heading(sub, w.T("Onderbouwing en bronnen", "Rationale and sources")));
        var reasons = d?.Assessments.Where(a => !string.IsNullOrWhiteSpace(a.Rationale) || a.Sources.Count > 0 || a.HorizonYears is not null)
            .Select(a => w.Who(a.Analyst, a.Organisation) + ": " + (string.IsNullOrWhiteSpace(a.Rationale) ? w.T("geen onderbouwing vastgelegd", "no rationale recorded") : a.Rationale!.Trim()) +
                         (a.Sources.Count > 0 ? w.T(" — bronnen: ", " — sources: ") + string.Join(", ", a.Sources) : "") +
                         (a.HorizonYears is { } h ? w.T($" — horizon {w.N(h)} jaar", $" — horizon {w.N(h)} years") : "")).ToList() ?? [];
        b.Add(reasons.Count > 0 ? new BulletList(reasons) : new Paragraph(w.T("Geen onderbouwing of bronnen vastgelegd.", "No rationale or sources recorded.")));

        b.Add(new Heading(sub, w.T("Spreiding tussen analisten en sterkte van kennis", "Analysts' spread and strength of knowledge")));
        var dis = s.Disagreement;
        var stated = s.AnalystLikelihoods.Where(a => a.Confidence is not null).Select(a => a.Confidence!.Value).ToList();
        b.Add(new Paragraph(w.T(
            $"{dis.AnalystCount} analisten. Op {w.Percent(dis.ShareOfCriteriaTwoOrMoreApart)} van de criteria liggen zij twee of meer klassen uiteen" +
            (dis.CriteriaTwoOrMoreApart.Count > 0 ? $" ({string.Join(", ", dis.CriteriaTwoOrMoreApart)})" : "") +
            $"; grootste spreiding {dis.MaxRangeInClasses} klassen; waarschijnlijkheid {s.LikelihoodDisagreement.Min}–{s.LikelihoodDisagreement.Max} (interkwartielafstand {w.N(s.LikelihoodDisagreement.InterquartileRange, "0.##")}). " +
            (stated.Count > 0 ? $"Sterkte van kennis: laagst {w.Confidence(stated.Min())}." : "Geen sterkte van kennis opgegeven.") +
            (WeakestPedigree(d) is { } weakNl ? $" Laagste pedigreescore: {weakNl}/4 (scores 0–4 voor bewijs, overeenstemming en begrip; de omschrijvingen zijn indicatief)." : "") +
            " Verschil van inzicht wordt getoond, niet weggemiddeld.",
            $"{dis.AnalystCount} analysts. On {w.Percent(dis.ShareOfCriteriaTwoOrMoreApart)} of the criteria they are two or more classes apart" +
            (dis.CriteriaTwoOrMoreApart.Count > 0 ? $" ({string.Join(", ", dis.CriteriaTwoOrMoreApart)})" : "") +
            $"; largest range {dis.MaxRangeInClasses} classes; likelihood {s.LikelihoodDisagreement.Min}–{s.LikelihoodDisagreement.Max} (interquartile range {w.N(s.LikelihoodDisagreement.InterquartileRange, "0.##")}). " +
            (stated.Count > 0 ? $"Strength of knowledge: lowest {w.Confidence(stated.Min())}." : "No strength of knowledge stated.") +
            (WeakestPedigree(d) is { } weakEn ? $" Weakest pedigree score stated: {weakEn}/4 (scores 0–4 for evidence, agreement and understanding; the descriptions are indicative)." : "") +
            " Disagreement is shown, not averaged away.")));
        b.Add(RoundMovement(d?.Rounds, w));

        b.Add(new Heading(sub, w.T("Samenhang: cascades en afhankelijkheden", "Links: cascades and dependencies")));
        var links = new List<string>();
        if (d is not null)
        {
            links.AddRange(d.Disruptions.Select(x => w.T(
                $"Verstoort vitaal proces {x.ProcessCode} {x.ProcessName}: {w.N(x.DurationHours)} uur, ernst {w.N(x.Severity, "0.##")}",
                $"Disrupts vital process {x.ProcessCode} {x.ProcessNameEn}: {w.N(x.DurationHours)} hours, severity {w.N(x.Severity, "0.##")}")));
            if (d.Components.Count > 0)
                links.Add(w.T("Samengesteld scenario uit: ", "Compound scenario of: ") + string.Join(", ", d.Components.Select(c => $"{c.Code} {c.Title}")) +
                          (d.Dependence is { } dep ? w.T($" (afhankelijkheid: {w.Dependence(dep)})", $" (dependence: {w.Dependence(dep)})") : ""));
            links.AddRange(d.Dependencies.Select(x => w.T($"Strategische afhankelijkheid {x.Code}: {x.Title}", $"Strategic dependency {x.Code}: {x.Title}")
                + (x.ChosenOptions.Count > 0 ? w.T(" — gekozen: ", " — chosen: ") + string.Join(", ", x.ChosenOptions.Select(o => Baken.Infrastructure.Reports.Dependencies.DependencyOptionLabels.Label(o, w.T("nl", "en")))) : "")));
            links.AddRange(d.Goals.Select(x => w.T($"Strategisch doel {x.Code}: {x.Title}", $"Strategic goal {x.Code}: {x.Title}")));
        }
        b.Add(links.Count > 0 ? new BulletList(links) : new Paragraph(w.T("Geen cascades, afhankelijkheden of doelen vastgelegd.", "No cascades, dependencies or goals recorded.")));

        b.Add(new Heading(sub, w.T("Maatregelen en restrisico", "Measures and residual risk")));
        if (d is { Measures.Count: > 0 })
        {
            b.Add(new Table(null, [w.T("Maatregel", "Measure"), w.T("Status", "Status"), w.T("Gemodelleerd effect", "Modelled effect")],
                d.Measures.Select(x => (IReadOnlyList<string>)[$"{x.Code} {x.Title}", w.Status(x.Status), w.Effect(x)]).ToList()));
            b.Add(new Paragraph(d.Residual is { } res
                ? w.T($"Risicopunten per jaar nu {w.N(res.CurrentAnnualRisk, "0.####")}, met de uitgevoerde maatregelen {w.N(res.ResidualAnnualRisk, "0.####")} ({w.Percent(res.ReducedShare)} minder).",
                      $"Risk points per year now {w.N(res.CurrentAnnualRisk, "0.####")}, with the implemented measures {w.N(res.ResidualAnnualRisk, "0.####")} ({w.Percent(res.ReducedShare)} less).")
                : w.T("Geen restrisico berekend (geen opgeslagen analyse of geen uitgevoerde maatregel).", "No residual risk computed (no stored run or no implemented measure).")));
        }
        else
        {
            b.Add(new Paragraph(w.T("Geen maatregel met een gemodelleerd effect op dit scenario.", "No measure with a modelled effect on this scenario.")));
        }

        b.Add(new Heading(sub, w.T("Benodigde capaciteiten", "Capabilities needed")));
        var gaps = w.Details.Gaps?.For(s.Id).ToList() ?? [];
        if (gaps.Count > 0)
            b.Add(new Table(null, [w.T("Capaciteit", "Capability"), w.T("Fase", "Phase"), w.T("Nodig", "Needed"), w.T("Aanwezig", "Available"), w.T("Tekort", "Shortfall"), w.T("Na geplande maatregelen", "After planned measures")],
                gaps.Select(g => (IReadOnlyList<string>)[$"{g.Capability} {w.Pick(g.CapabilityName, g.CapabilityNameEn)}", w.Phase(g.Phase), Level(g.Required), Level(g.Available), Level(g.Shortfall), Level(g.AfterPlanned)]).ToList()));
        else b.Add(new Paragraph(w.T("Geen benodigde capaciteiten vastgelegd.", "No capabilities needed recorded.")));
        return b;
    }

    private static string Level(int level) => level.ToString(CultureInfo.InvariantCulture);

    private static int? WeakestPedigree(ScenarioDetail? d) =>
        d?.Assessments.Select(a => Application.Assessments.KnowledgePedigree.Weakest(a.Knowledge.Evidence, a.Knowledge.Agreement, a.Knowledge.Understanding))
            .Where(v => v is not null).Min();

    /// <summary>
    /// The movement between the Delphi rounds (METHODS §7): per criterion the analysts per class at the end of the blind
    /// round and now, the spread then and now and whether it narrowed, and how many analysts moved up or down.
    /// </summary>
    private static DocumentBlock RoundMovement(Application.Workflow.ScenarioRoundsView? rounds, Words w)
    {
        if (rounds is not { HasRound1: true })
            return new Paragraph(w.T("Geen tweede beoordelingsronde vastgelegd: er is geen verschuiving tussen rondes te tonen.",
                "No second assessment round recorded: there is no movement between rounds to show."));
        static string Counts(IReadOnlyDictionary<Baken.Methods.Risk.ImpactClass, int>? counts) =>
            counts is null || counts.Count == 0 ? "–" : string.Join(" ", counts.Select(c => $"{c.Key}×{c.Value}"));
        return new Table(w.T("Verschuiving tussen ronde 1 (blind) en nu", "Movement between round 1 (blind) and now"),
            [w.T("Criterium", "Criterion"), w.T("Ronde 1: analisten per klasse", "Round 1: analysts per class"), w.T("Nu: analisten per klasse", "Now: analysts per class"),
             w.T("Spreiding ronde 1 → nu (klassen)", "Range round 1 → now (classes)"), w.T("Verschoven omhoog / omlaag / gelijk", "Moved up / down / unchanged")],
            rounds.Criteria.Select(c => (IReadOnlyList<string>)[
                c.Criterion == "likelihood" ? w.T("Waarschijnlijkheid", "Likelihood") : w.Criterion(c.Criterion),
                Counts(c.Round1), Counts(c.Now),
                $"{c.Round1Range?.ToString(CultureInfo.InvariantCulture) ?? "–"} → {c.NowRange?.ToString(CultureInfo.InvariantCulture) ?? "–"}" +
                    (c.Narrowed ? w.T(" (smaller)", " (narrowed)") : c.Widened ? w.T(" (breder)", " (widened)") : ""),
                $"{c.MovedUp} / {c.MovedDown} / {c.Unchanged}",
            ]).ToList());
    }

    private static string Entered(ScenarioDetail? d, string analyst, string criterion, string fallback) =>
        d?.Assessments.FirstOrDefault(a => a.Analyst == analyst)?.Scores.GetValueOrDefault(criterion) is { Length: > 0 } raw ? raw : fallback;

    private static Paragraph Labelled(string label, string? text, Words w) =>
        new(label + ": " + (string.IsNullOrWhiteSpace(text) ? w.T("niet vastgelegd.", "not recorded.") : text.Trim()));

    // ---------------------------------------------------------------- capabilities and annex

    private static void Capabilities(List<DocumentBlock> blocks, Words w)
    {
        blocks.Add(new PageBreak());
        blocks.Add(new Heading(1, w.T("Capaciteitenanalyse", "Capability analysis")));
        var gaps = w.Details.Gaps;
        if (gaps is null || gaps.Totals.Count == 0)
        {
            blocks.Add(new Paragraph(w.T("Er zijn geen capaciteiten vastgelegd.", "No capabilities are recorded.")));
            return;
        }
        blocks.Add(new Paragraph(w.T(
            "Welke tekorten raken het meeste risico: per capaciteit het hoogste niveau dat een organisatie heeft (verhoogd door uitgevoerde maatregelen) tegen het niveau dat de scenario's vragen, gewogen met de risicoscore v(waarschijnlijkheid) × I(s) van die scenario's. Die score is indicatief en geen onderdeel van de officiële methode; niveaus 0–4 zijn indicatief.",
            "Which shortfalls touch the most risk: per capability the highest level any organisation has (raised by implemented measures) against the level the scenarios call for, weighed by the risk score v(likelihood) × I(s) of those scenarios. That score is indicative and not part of the official method; levels 0–4 are indicative.")));
        blocks.Add(new Table(w.T("Capaciteitstekorten over het register", "Capability gaps across the register"),
            [w.T("Capaciteit", "Capability"), w.T("Aanwezig", "Available"), w.T("Na geplande maatregelen", "After planned measures"), w.T("Scenario's met behoefte", "Scenarios needing it"), w.T("Scenario's met tekort", "Scenarios short"), w.T("Grootste tekort", "Largest shortfall"), w.T("Risico bij tekort", "Risk at stake"), w.T("Tekort voor", "Short for")],
            gaps.Totals.Select(t => (IReadOnlyList<string>)[
                $"{t.Capability} {w.Pick(t.Name, t.NameEn)}" + (t.Indicative ? w.T(" (indicatief)", " (indicative)") : ""), Level(t.Available), Level(t.AfterPlanned),
                t.ScenariosNeeding.ToString(CultureInfo.InvariantCulture), t.ScenariosShort.ToString(CultureInfo.InvariantCulture), Level(t.LargestShortfall),
                w.N(t.RiskAtStake, "0.##"), t.ShortFor.Count == 0 ? "–" : string.Join(", ", t.ShortFor),
            ]).ToList()));
    }

    private static void Annex(List<DocumentBlock> blocks, Words w)
    {
        var r = w.Result;
        var s = r.Settings;
        blocks.Add(new PageBreak());
        blocks.Add(new Heading(1, w.T("Bijlage: methode, schalen en instellingen", "Annex: method, scales and settings")));
        blocks.Add(new Heading(2, w.T("Methode", "Method")));
        blocks.Add(new Paragraph(w.T(
            "Elke analist beoordeelt elk scenario onafhankelijk per impactcriterium (klassen A beperkt tot E catastrofaal, X geen impact) en de waarschijnlijkheid (A–E). De consensus per criterium en voor de waarschijnlijkheid is de mediaan van de klassen (bij een even aantal analisten de hoogste van de twee middelste). De impactscore is I(s) = Σ wᵢ·v(cᵢ) met v(X)=0, v(A)=1, v(B)=f, …, v(E)=f⁴; de impactklasse is A + ⌊logf I(s)⌋. De Monte-Carlosimulatie trekt klassen uit de oordelen van de analisten en geeft intervallen, rangverdelingen en de kans op de top 5 en top 10.",
            "Each analyst scores every scenario independently per impact criterion (classes A limited to E catastrophic, X no impact) and the likelihood (A–E). The consensus per criterion and for the likelihood is the median class (with an even number of analysts the higher of the two middle ones). The impact score is I(s) = Σ wᵢ·v(cᵢ) with v(X)=0, v(A)=1, v(B)=f, …, v(E)=f⁴; the impact band is A + ⌊logf I(s)⌋. The Monte Carlo simulation draws classes from the analysts' judgements and gives intervals, rank distributions and the chance of the top 5 and top 10.")));

        blocks.Add(new Heading(2, w.T("Instellingen", "Settings")));
        blocks.Add(new Table(null, [w.T("Instelling", "Setting"), w.T("Waarde", "Value")],
        [
            [w.T("Gewichtenset", "Weight set"), w.Profile(s.Profile)],
            [w.T("Gewichten", "Weights"), string.Join(", ", s.Weights.Select(x => $"{x.Criterion}: {w.N(x.Weight, "0.###")}"))],
            [w.T("Factor f", "Factor f"), w.N(s.Factor)],
            [w.T("Afronding impactklasse", "Band rounding"), s.BandRounding == BandRounding.Floor ? w.T("naar beneden", "floor") : w.T("afronden", "round")],
            [w.T("Monte-Carlotrekkingen", "Monte Carlo draws"), s.Iterations == 0 ? w.T("niet uitgevoerd", "not run") : w.N(s.Iterations, "N0")],
            [w.T("Startgetal (seed)", "Seed"), s.Seed.ToString(CultureInfo.InvariantCulture)],
            [w.T("Gewichten in de simulatie", "Weights in the simulation"), s.DirichletConcentration is { } a ? w.T($"Dirichlet met concentratie {w.N(a)}", $"Dirichlet with concentration {w.N(a)}") : w.T("vast", "fixed")],
            [w.T("Blokgrootte van de trekkingen", "Draw block size"), s.MonteCarloBlockSize.ToString(CultureInfo.InvariantCulture)],
            [w.T("Dreigingsregel", "Threat rule"), s.ThreatRule == ThreatRuleKind.Minimum ? w.T("minimum van intentie, capaciteit, kwetsbaarheid", "minimum of intent, capability, vulnerability") : w.T("afgerond meetkundig gemiddelde van intentie, capaciteit, kwetsbaarheid", "rounded geometric mean of intent, capability, vulnerability")],
            [w.T("Codeversie", "Code version"), s.CodeVersion ?? w.T("niet vastgelegd", "not recorded")],
            [w.T("Verbreding bij zwakke kennis", "Widening where knowledge is weak"), Widening(w) ?? w.T("uit", "off")],
        ]));

        blocks.Add(new Heading(2, w.T("Schalen", "Scales")));
        blocks.Add(new Paragraph(w.T(
            $"Waarschijnlijkheid over {w.N(s.LikelihoodHorizonYears)} jaar (schaalversie {s.LikelihoodScaleVersion}): ondergrenzen B–E {string.Join(", ", s.LikelihoodLowerBounds.Select(x => w.N(x * 100, "0.####") + "%"))}. De officiële klassegrenzen per criterium konden niet worden geverifieerd; schalen gemarkeerd als indicatief zijn een decadeladder als standaard.",
            $"Likelihood over {w.N(s.LikelihoodHorizonYears)} years (scale version {s.LikelihoodScaleVersion}): lower bounds B–E {string.Join(", ", s.LikelihoodLowerBounds.Select(x => w.N(x * 100, "0.####") + "%"))}. The official class boundaries per criterion could not be verified; scales flagged indicative are a decade ladder as the default.")));
        var criteria = w.Details.Criteria.Where(c => r.Criteria.Any(x => x.Code == c.Code)).ToList();
        if (criteria.Count > 0)
            // The catalogue words "measured as" in English only, so the Dutch report leaves that column out.
            blocks.Add(new Table(null, w.English
                    ? ["Criterion", "Measured as", "Unit", "Lower bounds A–E", "Indicative"]
                    : ["Criterium", "Eenheid", "Ondergrenzen A–E", "Indicatief"],
                criteria.Select(c => (IReadOnlyList<string>)[
                    $"{c.Code} {w.Pick(c.Name, c.NameEn)}", .. (w.English ? new[] { c.MeasuredAs ?? "–" } : []), ScaleUnit.Display(c.Unit ?? "ladder", w.Language),
                    c.LowerBounds.All(b => b is null) ? "–" : string.Join(" / ", c.LowerBounds.Select(b => b is { } v ? w.N(v, "#,0.###") : "–")),
                    c.Indicative switch { true => w.T("ja ⚑", "yes ⚑"), false => w.T("nee", "no"), null => "–" },
                ]).ToList()));

        blocks.Add(new Heading(2, w.T("Gevoeligheid van de rangorde", "Sensitivity of the ranking")));
        blocks.Add(new Paragraph(w.T(
            "Rang onder elke variant: andere factoren, elke gewichtenset, de medaillemethode en Evamix. ⚑ markeert een scenario dat een variant meer dan twee plaatsen verschuift.",
            "Rank under each variant: other factors, every weight set, the medal method and Evamix. ⚑ marks a scenario that some variant moves more than two places.")));
        blocks.Add(new Table(null,
            [w.T("Scenario", "Scenario"), .. r.SensitivityVariants.Select(w.Variant), w.T("Bereik", "Range"), "⚑"],
            r.Scenarios.Select(x => (IReadOnlyList<string>)[
                x.Id, .. x.Sensitivity.Ranks.Select(v => v.Rank.ToString(CultureInfo.InvariantCulture)),
                $"{x.Sensitivity.MinRank}–{x.Sensitivity.MaxRank}", x.Sensitivity.Flagged ? "⚑ " + x.Sensitivity.LargestMove.ToString(CultureInfo.InvariantCulture) : "",
            ]).ToList()));

        PublicConcernSection(blocks, w);
    }

    /// <summary>
    /// Themes ranked by the analysts (by the best rank of their scenarios) next to themes ranked by public concern
    /// (by the highest share of a poll topic mapped to the theme), with Spearman's rank correlation over the themes in both.
    /// </summary>
    private static void PublicConcernSection(List<DocumentBlock> blocks, Words w)
    {
        blocks.Add(new Heading(2, w.T("Rangorde van thema's en zorgen van het publiek", "Analysts' ranking of themes and public concern")));
        var poll = w.Options.PublicConcern;
        var analystThemes = w.Result.Scenarios.GroupBy(x => x.Theme, StringComparer.Ordinal)
            .Select(g => (Theme: g.Key, BestRank: g.Min(x => x.Rank), Count: g.Count())).OrderBy(t => t.BestRank).ToList();
        if (poll.Count == 0)
        {
            blocks.Add(new Paragraph(w.T("Er is geen peiling van publieke zorgen meegegeven, dus geen vergelijking.", "No public-concern poll was supplied, so no comparison is shown.")));
            return;
        }
        var mapped = poll.Where(p => p.ThemeCode is not null).GroupBy(p => p.ThemeCode!, StringComparer.Ordinal)
            .Select(g => (Theme: g.Key, Percent: g.Max(p => p.Percent), Topics: g.OrderByDescending(p => p.Percent).Select(p => p.Topic).ToList()))
            .OrderByDescending(t => t.Percent).ThenBy(t => t.Theme, StringComparer.Ordinal).ToList();
        var publicRank = mapped.Select((t, i) => (t.Theme, Rank: i + 1)).ToDictionary(t => t.Theme, t => t.Rank, StringComparer.Ordinal);
        blocks.Add(new Table(null,
            [w.T("Rang analisten", "Analysts' rank"), w.T("Thema", "Theme"), w.T("Scenario's", "Scenarios"), w.T("Beste scenariorang", "Best scenario rank"), w.T("Rang publiek", "Public rank"), w.T("% bezorgd (onderwerpen)", "% concerned (topics)")],
            analystThemes.Select((t, i) =>
            {
                var p = mapped.FirstOrDefault(m => m.Theme == t.Theme);
                return (IReadOnlyList<string>)[
                    (i + 1).ToString(CultureInfo.InvariantCulture), w.Theme(t.Theme), t.Count.ToString(CultureInfo.InvariantCulture), t.BestRank.ToString(CultureInfo.InvariantCulture),
                    publicRank.TryGetValue(t.Theme, out var pr) ? pr.ToString(CultureInfo.InvariantCulture) : "–",
                    p.Topics is null ? "–" : w.N(p.Percent, "0.#") + "% (" + string.Join(", ", p.Topics) + ")",
                ];
            }).ToList()));
        var unmatched = poll.Where(p => p.ThemeCode is null || analystThemes.All(t => t.Theme != p.ThemeCode)).ToList();
        if (unmatched.Count > 0)
            blocks.Add(new Paragraph(w.T("Onderwerpen uit de peiling zonder thema in deze analyse: ", "Poll topics without a theme in this analysis: ") +
                                     string.Join(", ", unmatched.Select(p => $"{p.Topic} ({w.N(p.Percent, "0.#")}%)")) + "."));
        var both = analystThemes.Select((t, i) => (t.Theme, Analyst: i + 1)).Where(t => publicRank.ContainsKey(t.Theme)).ToList();
        if (both.Count >= 3)
        {
            // Ranks re-numbered within the shared themes so Spearman's formula applies.
            var a = both.OrderBy(t => t.Analyst).Select((t, i) => (t.Theme, R: i + 1)).ToDictionary(t => t.Theme, t => t.R, StringComparer.Ordinal);
            var p = both.OrderBy(t => publicRank[t.Theme]).Select((t, i) => (t.Theme, R: i + 1)).ToDictionary(t => t.Theme, t => t.R, StringComparer.Ordinal);
            var n = both.Count;
            var d2 = both.Sum(t => Math.Pow(a[t.Theme] - p[t.Theme], 2));
            var rho = 1 - 6 * d2 / (n * ((double)n * n - 1));
            blocks.Add(new Paragraph(w.T($"Spearmans rangcorrelatie tussen de volgorde van de analisten en van het publiek over de {n} gedeelde thema's: ρ = {w.N(rho, "0.00")}.",
                $"Spearman rank correlation between the analysts' and the public's order of the {n} shared themes: ρ = {w.N(rho, "0.00")}.")));
        }
        blocks.Add(new Paragraph(w.T("De koppeling van onderwerpen aan thema's is een aanname van wie de peiling aanleverde.", "The mapping of poll topics to themes is an assumption of whoever supplied it.")));
    }

    /// <summary>The report's words and number formats in one language.</summary>
    private sealed class Words(string language, AnalysisResult result, AnalysisReportOptions options, ReportDetails details)
    {
        public string Language { get; } = language?.Trim().ToLowerInvariant() is "en" ? "en" : language?.Trim().ToLowerInvariant() is "nl" ? "nl"
            : throw new ArgumentException($"language is '{language}'; allowed are \"nl\" and \"en\".", nameof(language));
        public AnalysisResult Result { get; } = result;
        public AnalysisReportOptions Options { get; } = options;
        public ReportDetails Details { get; } = details;
        public bool Nl => Language == "nl";
        public bool English => !Nl;
        private CultureInfo Culture => Nl ? CultureInfo.GetCultureInfo("nl-NL") : CultureInfo.GetCultureInfo("en-GB");

        public string T(string dutch, string english) => Nl ? dutch : english;

        // A1…An in the order of the analysts' names, the same number for one analyst throughout the document.
        private readonly Dictionary<string, int> pseudonyms = result.Scenarios
            .SelectMany(s => s.AnalystLikelihoods.Select(a => a.Analyst).Concat(s.Criteria.SelectMany(c => c.AnalystClasses.Select(a => a.Analyst))))
            .Concat(details.Scenarios.Values.SelectMany(d => d.Assessments.Select(a => a.Analyst)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select((name, i) => (name, i + 1))
            .ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);

        /// <summary>
        /// How an analyst is named: by user name and organisation for the internal classified audience, otherwise as
        /// A1…An with the organisation, never by user name (METHODS §10, <see cref="AnalysisReportOptions.AnonymousAnalysts"/>).
        /// </summary>
        public string Who(string analyst, string organisation) => Options.AnonymousAnalysts
            ? $"A{pseudonyms.GetValueOrDefault(analyst, pseudonyms.Count + 1)}" + (string.IsNullOrWhiteSpace(organisation) ? "" : $" ({organisation})")
            : $"{analyst} ({organisation})";
        public string Pick(string dutch, string english) => Nl || string.IsNullOrWhiteSpace(english) ? dutch : english;
        public string N(double value, string format = "0.######") => value.ToString(format, Culture);
        /// <summary>A compound scenario's dependence in the report's language: independent, or conditional with P(S2 | S1), ….</summary>
        public string Dependence(Baken.Domain.Register.CompoundDependence d) => d.Kind == Baken.Methods.Cascades.Compound.DependenceKind.Independent
            ? T("onafhankelijk", "independent")
            : T("voorwaardelijk ", "conditional ") + string.Join("; ", d.Conditional.Select(p => N(p)));
        public string Percent(double share) => (share * 100).ToString("0", Culture) + "%";
        public string? RunDate => Options.RunAtUtc is { } at ? at.ToString(Nl ? "d MMMM yyyy, HH:mm 'UTC'" : "d MMMM yyyy, HH:mm 'UTC'", Culture) : null;

        public string Theme(string code) =>
            Details.Themes.TryGetValue(code, out var t) ? Pick(t.Nl, t.En) : Options.ThemeNames?.GetValueOrDefault(code) ?? code;

        public string Criterion(string code) =>
            Details.Criteria.FirstOrDefault(c => c.Code == code) is { } c ? $"{code} {Pick(c.Name, c.NameEn)}" : code;

        public string Kind(RiskKind kind) => kind == RiskKind.Threat ? T("moedwillig (dreiging)", "malicious (threat)") : T("niet-moedwillig", "non-malicious (hazard)");

        public string Confidence(Confidence c) => c switch
        {
            Baken.Methods.Risk.Confidence.Low => T("laag", "low"),
            Baken.Methods.Risk.Confidence.Medium => T("middel", "medium"),
            _ => T("hoog", "high"),
        };

        public string Status(MeasureStatus s) => ReportWords.MeasureStatus(s, Nl);

        public string Phase(CapabilityPhase p) => p switch
        {
            CapabilityPhase.Prevention => T("preventie", "prevention"),
            CapabilityPhase.Preparation => T("preparatie", "preparation"),
            CapabilityPhase.Response => T("respons", "response"),
            CapabilityPhase.Recovery => T("herstel", "recovery"),
            _ => T("alle fasen", "all phases"),
        };

        public string Effect(MeasureOnScenario m)
        {
            string Range(Baken.Methods.Measures.EffectRange r, bool percent) =>
                percent ? (r.Low == r.High ? Percent(r.Low) : $"{Percent(r.Low)}–{Percent(r.High)}") : (r.Low == r.High ? N(r.Low, "0.##") : $"{N(r.Low, "0.##")}–{N(r.High, "0.##")}");
            var parts = new List<string>();
            if (m.LikelihoodMultiplier is { } l) parts.Add(T("waarschijnlijkheid × ", "likelihood × ") + Range(l, false));
            parts.AddRange(m.ImpactReductions.Select(x => T($"{x.Key} −", $"{x.Key} −") + Range(x.Value, true)));
            return parts.Count == 0 ? "–" : string.Join("; ", parts);
        }

        /// <summary>How a quantity became a class ("350 deaths lies in C: 100 ≤ q &lt; 1,000 (scale v1, indicative)") in the report's language.</summary>
        public string Derivation(string text)
        {
            if (!Nl) return text;
            // The analysis core writes an impact quantity's derivation in English; the Dutch report says it in Dutch, unit included.
            // A judgement with its derivation reads "C (350 deaths lies in C: …)": then the part in brackets is translated.
            if (DutchDerivation(text) is { } whole) return whole;
            var open = text.IndexOf(" (", StringComparison.Ordinal);
            if (open > 0 && text.EndsWith(')') && DutchDerivation(text[(open + 2)..^1]) is { } inner) return text[..(open + 2)] + inner + ")";
            return text.Replace(" lies in ", " valt in ", StringComparison.Ordinal).Replace("(scale v", "(schaal v", StringComparison.Ordinal)
                .Replace(", indicative)", ", indicatief)", StringComparison.Ordinal);
        }

        private static string? DutchDerivation(string text)
        {
            var impact = ImpactDerivation().Match(text);
            return impact.Success
                ? $"{impact.Groups["q"].Value}{(impact.Groups["unit"].Success ? " " : "")}{ScaleUnit.Display(impact.Groups["unit"].Value, "nl")} valt in {impact.Groups["rest"].Value} (schaal v{impact.Groups["v"].Value}{(impact.Groups["ind"].Success ? ", indicatief" : "")})"
                : null;
        }

        public string Profile(string name) => Nl ? Details.ProfileNamesNl.GetValueOrDefault(name) ?? name : name;

        public string Variant(string name) => name switch
        {
            "medal" => T("medaille", "medal"),
            "evamix" => "Evamix",
            _ when name.StartsWith("profile:", StringComparison.Ordinal) => T("gewichten: ", "weights: ") + Profile(name["profile:".Length..]),
            _ => name,
        };

        /// <summary>A reason from the run comparison (written in English by the comparison) in the report's language.</summary>
        public string Reason(string reason)
        {
            if (!Nl) return reason.Replace(" -> ", " → ", StringComparison.Ordinal);
            var text = reason.Replace(" -> ", " → ", StringComparison.Ordinal);
            return text switch
            {
                "new in the later run" => "nieuw in deze analyse",
                "not in the later run (removed, or not visible at its clearance)" => "niet in deze analyse (verwijderd, of niet zichtbaar op deze rubricering)",
                "other scenarios moved, or the settings changed" => "andere scenario's verschoven, of de instellingen veranderden",
                "other settings differ (see the runs' settings)" => "andere instellingen verschillen (zie de instellingen van de analyses)",
                _ when text.StartsWith("likelihood ", StringComparison.Ordinal) => "waarschijnlijkheid " + text["likelihood ".Length..],
                _ when text.StartsWith("criterion ", StringComparison.Ordinal) => "criterium " + text["criterion ".Length..],
                _ when text.StartsWith("analysts ", StringComparison.Ordinal) => "analisten " + text["analysts ".Length..],
                _ when text.StartsWith("profile: ", StringComparison.Ordinal) => "gewichtenset: " + text["profile: ".Length..],
                _ when text.StartsWith("factor: ", StringComparison.Ordinal) => "factor: " + text["factor: ".Length..],
                _ when text.StartsWith("iterations: ", StringComparison.Ordinal) => "trekkingen: " + text["iterations: ".Length..],
                _ when text.StartsWith("seed: ", StringComparison.Ordinal) => "startgetal: " + text["seed: ".Length..],
                _ when text.StartsWith("code version: ", StringComparison.Ordinal) => "codeversie: " + text["code version: ".Length..],
                _ when text.StartsWith("input: ", StringComparison.Ordinal) => "invoer: " + text["input: ".Length..],
                _ => text,
            };
        }
    }
}
