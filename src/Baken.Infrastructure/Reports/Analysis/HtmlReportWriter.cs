using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Baken.Analysis.Risk;

namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>
/// Writes report.html: one self-contained page (inline CSS and SVG, no scripts, no external resources) with the settings,
/// the risk diagram, the ranking with Monte Carlo intervals and P(top 5)/P(top 10), the disagreement between analysts,
/// the sensitivity table with flags, a section per theme, and the comparison of the analysts' ranking of themes with
/// public concern. Every piece of user text is HTML-encoded.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static void WriteFile(AnalysisResult result, AnalysisReportOptions options, string path)
    {
        File.WriteAllText(path, Render(result, options), new UTF8Encoding(false));
    }

    public static void Write(AnalysisResult result, AnalysisReportOptions options, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(result, options));
    }

    /// <summary>The page as a string.</summary>
    public static string Render(AnalysisResult result, AnalysisReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var h = new StringBuilder();
        var s = result.Settings;
        var themeName = (string code) => options.ThemeNames?.GetValueOrDefault(code) ?? code;
        var hasMc = result.Scenarios.Any(x => x.MonteCarlo is not null);

        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(options.Title)).Append("</title>\n");
        h.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:0.9rem}")
            .Append("th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}td.n{text-align:right}")
            .Append(".flag{color:#b00;font-weight:bold}.marking{text-align:center;font-weight:bold;letter-spacing:0.05em}.note{color:#555;font-size:0.85rem}")
            .Append("figure{margin:1rem 0}</style>\n</head>\n<body>\n");
        if (options.ClassificationLabel is { } marking) h.Append("<p class=\"marking\">").Append(E(marking)).Append("</p>\n");
        h.Append("<h1>").Append(E(options.Title)).Append("</h1>\n");
        if (options.GeneratedOn is { } on) h.Append("<p class=\"note\">Generated ").Append(E(on)).Append("</p>\n");

        // Settings
        h.Append("<section id=\"settings\">\n<h2>Settings</h2>\n<table>\n");
        Row(h, "Preference profile", s.Profile);
        Row(h, "Weights", string.Join(", ", s.Weights.Select(w => $"{w.Criterion}: {F(w.Weight, "0.###")}")));
        Row(h, "Ladder factor f", F(s.Factor));
        Row(h, "Band rounding", s.BandRounding.ToString());
        Row(h, "Monte Carlo", s.Iterations == 0 ? "not run" : $"{s.Iterations.ToString("N0", CultureInfo.InvariantCulture)} iterations, seed {s.Seed.ToString(CultureInfo.InvariantCulture)}, weights {(s.DirichletConcentration is { } a ? "Dirichlet with concentration " + F(a) : "fixed")}, blocks of {s.MonteCarloBlockSize}");
        Row(h, "Likelihood scale", $"v{s.LikelihoodScaleVersion}, lower bounds B..E {string.Join(", ", s.LikelihoodLowerBounds.Select(b => F(b * 100, "0.####") + "%"))} over {F(s.LikelihoodHorizonYears)} years");
        Row(h, "Threat rule", s.ThreatRule == ThreatRuleKind.GeometricMean ? "rounded geometric mean of intent, capability, vulnerability" : "minimum of intent, capability, vulnerability");
        Row(h, "Code version", s.CodeVersion ?? "not recorded");
        h.Append("</table>\n<p class=\"note\">Consensus per criterion and for likelihood is the median of the analysts' classes (with an even number of analysts the higher middle class). ")
            .Append("I(s) = Σ wᵢ·v(cᵢ) with v(X)=0, v(A)=1, v(B)=f, …, v(E)=f⁴. Rank 1 has the highest I(s); ties go to the higher likelihood, then the scenario id.</p>\n</section>\n");

        // Risk diagram
        h.Append("<section id=\"risk-diagram\">\n<h2>Risk diagram</h2>\n<figure>\n");
        h.Append(StripXmlDeclaration(RiskDiagram.ToSvg(result, options.ThemeNames)));
        h.Append("\n<figcaption class=\"note\">Likelihood class (x) against impact (y, 1 + log<sub>f</sub> I(s)); one mark per scenario, coloured by theme")
            .Append(hasMc ? "; whiskers show the Monte Carlo 90% interval (5th to 95th percentile)." : ".").Append("</figcaption>\n</figure>\n</section>\n");

        // Ranking
        h.Append("<section id=\"ranking\">\n<h2>Ranking</h2>\n<table>\n<thead><tr><th>Rank</th><th>Scenario</th><th>Theme</th><th>Kind</th><th>Likelihood</th><th>I(s)</th><th>Band</th>");
        if (hasMc) h.Append("<th>I(s) 90% interval</th><th>Band interval</th><th>Likelihood interval</th><th>P(top 5)</th><th>P(top 10)</th><th>Median rank</th>");
        h.Append("<th>Medal rank</th><th>Evamix rank</th></tr></thead>\n<tbody>\n");
        foreach (var x in result.Scenarios)
        {
            h.Append("<tr><td class=\"n\">").Append(x.Rank).Append("</td><td>").Append(E(x.Id)).Append(" — ").Append(E(x.Title)).Append("</td><td>")
                .Append(E(themeName(x.Theme))).Append("</td><td>").Append(x.Kind == ScenarioKind.Hazard ? "hazard" : "threat").Append("</td><td>")
                .Append(x.Likelihood).Append("</td><td class=\"n\">").Append(F(x.ImpactValue, "0.###")).Append("</td><td>").Append(x.ImpactBand).Append("</td>");
            if (hasMc)
            {
                var m = x.MonteCarlo!;
                h.Append("<td class=\"n\">").Append(F(m.P05, "0.##")).Append(" – ").Append(F(m.P95, "0.##")).Append(" (median ").Append(F(m.P50, "0.##")).Append(")</td>")
                    .Append("<td>").Append(m.BandP05).Append(" – ").Append(m.BandP95).Append("</td><td>").Append(m.LikelihoodP05).Append(" – ").Append(m.LikelihoodP95).Append("</td>")
                    .Append("<td class=\"n\">").Append(F(m.PTop5, "0.00")).Append("</td><td class=\"n\">").Append(F(m.PTop10, "0.00")).Append("</td><td class=\"n\">").Append(F(m.MedianRank)).Append("</td>");
            }
            h.Append("<td class=\"n\">").Append(x.MedalRank).Append("</td><td class=\"n\">").Append(x.EvamixRank).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");

        // Disagreement
        h.Append("<section id=\"disagreement\">\n<h2>Disagreement between analysts</h2>\n<p class=\"note\">Shown next to the consensus, never averaged away: the share of criteria on which analysts lie two or more classes apart, the largest range, and the spread of likelihood.</p>\n<table>\n")
            .Append("<thead><tr><th>Scenario</th><th>Analysts</th><th>Share of criteria ≥ 2 classes apart</th><th>Those criteria</th><th>Largest range (classes)</th><th>Likelihood classes given</th></tr></thead>\n<tbody>\n");
        foreach (var x in result.Scenarios)
        {
            var d = x.Disagreement;
            h.Append("<tr><td>").Append(E(x.Id)).Append("</td><td class=\"n\">").Append(d.AnalystCount).Append("</td><td class=\"n\">").Append(F(d.ShareOfCriteriaTwoOrMoreApart * 100, "0")).Append("%</td><td>")
                .Append(E(string.Join(", ", d.CriteriaTwoOrMoreApart))).Append("</td><td class=\"n\">").Append(d.MaxRangeInClasses).Append("</td><td>")
                .Append(E(string.Join(", ", x.LikelihoodDisagreement.AnalystClasses.Select(a => $"{a.Analyst} ({a.Organisation}): {a.Judgement}")))).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");

        // Sensitivity
        h.Append("<section id=\"sensitivity\">\n<h2>Sensitivity of the ranking</h2>\n<p class=\"note\">Rank under each variant: other ladder factors, every preference profile, the medal method and Evamix-style net dominance. ")
            .Append("<span class=\"flag\">⚑</span> marks a scenario that some variant moves more than two places from its base rank.</p>\n<table>\n<thead><tr><th>Scenario</th>");
        foreach (var v in result.SensitivityVariants) h.Append("<th>").Append(E(v)).Append("</th>");
        h.Append("<th>Rank range</th><th>Flag</th></tr></thead>\n<tbody>\n");
        foreach (var x in result.Scenarios)
        {
            h.Append("<tr><td>").Append(E(x.Id)).Append("</td>");
            foreach (var r in x.Sensitivity.Ranks) h.Append("<td class=\"n\">").Append(r.Rank).Append("</td>");
            h.Append("<td class=\"n\">").Append(x.Sensitivity.MinRank).Append(" – ").Append(x.Sensitivity.MaxRank).Append("</td><td>")
                .Append(x.Sensitivity.Flagged ? $"<span class=\"flag\">⚑ moves {x.Sensitivity.LargestMove} places</span>" : string.Empty).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");

        // Per theme
        h.Append("<section id=\"themes\">\n<h2>Themes</h2>\n");
        foreach (var theme in result.Scenarios.Select(x => x.Theme).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            h.Append("<section class=\"theme\">\n<h3>").Append(E(themeName(theme))).Append("</h3>\n");
            foreach (var x in result.Scenarios.Where(x => x.Theme == theme))
            {
                h.Append("<h4>").Append(E(x.Id)).Append(" — ").Append(E(x.Title)).Append("</h4>\n<p>Rank ").Append(x.Rank).Append(", likelihood ").Append(x.Likelihood)
                    .Append(", I(s) = ").Append(F(x.ImpactValue, "0.###")).Append(", band ").Append(x.ImpactBand).Append(".</p>\n<table>\n<thead><tr><th>Criterion</th><th>Consensus</th><th>Range of point classes</th><th>IQR</th><th>Analysts</th></tr></thead>\n<tbody>\n");
                foreach (var c in x.Criteria)
                {
                    h.Append("<tr><td>").Append(E(c.Code)).Append("</td><td>").Append(c.Consensus).Append("</td><td>").Append(c.Min).Append(" – ").Append(c.Max)
                        .Append(c.RangeInClasses >= 2 ? " <span class=\"flag\">⚑</span>" : string.Empty).Append("</td><td class=\"n\">").Append(F(c.InterquartileRange, "0.##")).Append("</td><td>")
                        .Append(E(string.Join("; ", c.AnalystClasses.Select(a => $"{a.Analyst} ({a.Organisation}): {a.Judgement}")))).Append("</td></tr>\n");
                }
                h.Append("<tr><td>likelihood</td><td>").Append(x.Likelihood).Append("</td><td>").Append(x.LikelihoodDisagreement.Min).Append(" – ").Append(x.LikelihoodDisagreement.Max)
                    .Append("</td><td class=\"n\">").Append(F(x.LikelihoodDisagreement.InterquartileRange, "0.##")).Append("</td><td>")
                    .Append(E(string.Join("; ", x.AnalystLikelihoods.Select(a => $"{a.Analyst}: {a.Judgement} ({a.Explanation})")))).Append("</td></tr>\n");
                h.Append("</tbody>\n</table>\n");
            }
            h.Append("</section>\n");
        }
        h.Append("</section>\n");

        AppendPublicConcern(h, result, options, themeName);

        if (options.ClassificationLabel is { } bottom) h.Append("<p class=\"marking\">").Append(E(bottom)).Append("</p>\n");
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>
    /// Themes ranked by the analysts (by the best rank of their scenarios) next to themes ranked by public concern
    /// (by the highest share of a poll topic mapped to the theme), with Spearman's rank correlation over the themes in both.
    /// </summary>
    private static void AppendPublicConcern(StringBuilder h, AnalysisResult result, AnalysisReportOptions options, Func<string, string> themeName)
    {
        h.Append("<section id=\"public-concern\">\n<h2>Analysts' ranking of themes and public concern</h2>\n");
        var analystThemes = result.Scenarios.GroupBy(x => x.Theme, StringComparer.Ordinal)
            .Select(g => (Theme: g.Key, BestRank: g.Min(x => x.Rank), MaxImpact: g.Max(x => x.ImpactValue), Count: g.Count()))
            .OrderBy(t => t.BestRank).ToList();
        if (options.PublicConcern.Count == 0)
        {
            h.Append("<p>No public-concern poll was supplied, so no comparison is shown.</p>\n");
        }
        var mapped = options.PublicConcern.Where(p => p.ThemeCode is not null).GroupBy(p => p.ThemeCode!, StringComparer.Ordinal)
            .Select(g => (Theme: g.Key, Percent: g.Max(p => p.Percent), Topics: g.OrderByDescending(p => p.Percent).Select(p => p.Topic).ToList()))
            .OrderByDescending(t => t.Percent).ThenBy(t => t.Theme, StringComparer.Ordinal).ToList();
        var publicRank = mapped.Select((t, i) => (t.Theme, Rank: i + 1)).ToDictionary(t => t.Theme, t => t.Rank, StringComparer.Ordinal);

        h.Append("<table>\n<thead><tr><th>Analysts' rank</th><th>Theme</th><th>Scenarios</th><th>Best scenario rank</th><th>Highest I(s)</th><th>Public rank</th><th>% concerned (topics)</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < analystThemes.Count; i++)
        {
            var t = analystThemes[i];
            var poll = mapped.FirstOrDefault(m => m.Theme == t.Theme);
            h.Append("<tr><td class=\"n\">").Append(i + 1).Append("</td><td>").Append(E(themeName(t.Theme))).Append("</td><td class=\"n\">").Append(t.Count)
                .Append("</td><td class=\"n\">").Append(t.BestRank).Append("</td><td class=\"n\">").Append(F(t.MaxImpact, "0.###")).Append("</td><td class=\"n\">")
                .Append(publicRank.TryGetValue(t.Theme, out var pr) ? pr.ToString(CultureInfo.InvariantCulture) : "–").Append("</td><td>")
                .Append(poll.Topics is null ? "–" : F(poll.Percent, "0.#") + "% (" + E(string.Join(", ", poll.Topics)) + ")").Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n");

        var unmatched = options.PublicConcern.Where(p => p.ThemeCode is null || analystThemes.All(t => t.Theme != p.ThemeCode)).ToList();
        if (unmatched.Count > 0)
        {
            h.Append("<p class=\"note\">Poll topics without a theme in this analysis: ")
                .Append(E(string.Join(", ", unmatched.Select(p => $"{p.Topic} ({F(p.Percent, "0.#")}%)")))).Append(".</p>\n");
        }
        var both = analystThemes.Select((t, i) => (t.Theme, Analyst: i + 1)).Where(t => publicRank.ContainsKey(t.Theme)).ToList();
        if (both.Count >= 3)
        {
            // Ranks re-numbered within the shared themes so Spearman's formula applies.
            var a = both.OrderBy(t => t.Analyst).Select((t, i) => (t.Theme, R: i + 1)).ToDictionary(t => t.Theme, t => t.R, StringComparer.Ordinal);
            var p = both.OrderBy(t => publicRank[t.Theme]).Select((t, i) => (t.Theme, R: i + 1)).ToDictionary(t => t.Theme, t => t.R, StringComparer.Ordinal);
            var n = both.Count;
            var d2 = both.Sum(t => Math.Pow(a[t.Theme] - p[t.Theme], 2));
            var rho = 1 - 6 * d2 / (n * ((double)n * n - 1));
            h.Append("<p>Spearman rank correlation between the analysts' and the public's order of the ").Append(n).Append(" shared themes: ρ = ").Append(F(rho, "0.00")).Append(".</p>\n");
        }
        h.Append("<p class=\"note\">The mapping of poll topics to themes is an assumption of whoever supplied it.</p>\n</section>\n");
    }

    private static void Row(StringBuilder h, string name, string value) =>
        h.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    private static string F(double value, string format = "0.######") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string StripXmlDeclaration(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
