using System.Globalization;

namespace Baken.Application.Demo;

/// <summary>
/// The demo's fictional national picture: scenarios in every theme of the catalogue, the analysts who score them, and
/// the measures, strategy and council records built on top. Everything here is invented for demonstration; every
/// record the demo writes carries <see cref="Provenance"/> so pages and exports say so.
/// </summary>
public static class DemoPicture
{
    /// <summary>The mark on every demo record (provenance), and the prefix of every demo code.</summary>
    public const string Provenance = "FICTIEF / FICTIONAL — demonstratiegegevens van 'baken demo', geen echte beoordeling";

    public const string CodePrefix = "DEMO-";

    /// <param name="Clearance">The analyst's clearance; a scenario above it is not scored by them.</param>
    public sealed record Analyst(string UserName, string DisplayName, string Organisation, string Clearance);

    public static readonly IReadOnlyList<Analyst> Analysts =
    [
        new("analist-wodc", "Analist WODC (fictief)", "WODC", "Departementaal Vertrouwelijk"),
        new("analist-nctv", "Analist NCTV (fictief)", "NCTV", "Staatsgeheim Confidentieel"),
        new("analist-aivd", "Analist AIVD (fictief)", "AIVD", "Staatsgeheim Geheim"),
    ];

    /// <param name="Classes">Consensus judgement per criterion 1.1, 1.2, 2.1, 2.2, 2.3, 3.1, 4.1, 5.1, 5.2, 5.3 (X, A–E).</param>
    /// <param name="Likelihood">Consensus likelihood class A–E.</param>
    /// <param name="Disruptions">Vital processes the scenario disrupts first (the cascade), or null.</param>
    public sealed record DemoScenario(string Code, string Theme, string Kind, string Title, string Classification, string Classes, char Likelihood,
        string Risk, string Narrative, string? Disruptions = null);

    public static readonly string[] Criteria = ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "4.1", "5.1", "5.2", "5.3"];

    private const string Open = "Ongerubriceerd";

    public static readonly IReadOnlyList<DemoScenario> Scenarios =
    [
        new("DEMO-T1-FLOOD", "T1", "hazard", "Dijkdoorbraak in een dichtbevolkte polder", Open, "AXDDDECCAD", 'A', "DEMO-R-T1",
            "Na dagen van storm en hoog water bezwijkt een primaire kering; 200.000 inwoners moeten weg.", "1: 72h 0.6; 10: 48h 0.5; 15: 72h 0.7"),
        new("DEMO-T1-HEAT", "T1", "hazard", "Langdurige hitte en droogte", Open, "XXCCDCDBAB", 'C', "DEMO-R-T1",
            "Zes weken hitte en een lage Rijnafvoer: zoetwatertekort, scheepvaart beperkt, oversterfte bij ouderen."),
        new("DEMO-T2-PANDEMIC", "T2", "hazard", "Pandemie met een nieuw influenzavirus", Open, "XBEEECXDBD", 'B', "DEMO-R-T2",
            "Een nieuw griepvirus verspreidt zich wereldwijd; de zorg raakt maandenlang overbelast."),
        new("DEMO-T2-AMR", "T2", "hazard", "Uitbraak van een resistente bacterie in ziekenhuizen", Open, "XACCBBXBAB", 'C', "DEMO-R-T2",
            "Een bacterie die op geen enkel antibioticum reageert, verspreidt zich via zorginstellingen."),
        new("DEMO-T3-CHEM", "T3", "hazard", "Brand in een chemisch complex in het havengebied", Open, "XABCBCCBAC", 'C', "DEMO-R-T3",
            "Een grote brand met giftige rook dwingt tot evacuatie van woonwijken bij de haven.", "16: 168h 0.8; 13: 24h 0.4"),
        new("DEMO-T3-NUCLEAR", "T3", "hazard", "Ongeval in een kerncentrale net over de grens", Open, "ACBCBDDCAD", 'A', "DEMO-R-T3",
            "Een ongeval in een buurland leidt tot jodiumprofylaxe en schuilen in de grensregio."),
        new("DEMO-T4-ATTACK", "T4", "threat", "Aanslag op een druk bezocht evenement", "Departementaal Vertrouwelijk", "XBCCAAXBCE", 'C', "DEMO-R-T4",
            "Een eenling met een vuurwapen slaat toe op een festival; de maatschappelijke onrust is groot."),
        new("DEMO-T4-UNREST", "T4", "threat", "Gewelddadige onrust na een polariserend incident", Open, "XAABXBXCCD", 'C', "DEMO-R-T4",
            "Na een incident ontaarden demonstraties in meerdere steden in rellen; hulpverleners worden belaagd."),
        new("DEMO-T5-ELECTION", "T5", "threat", "Beïnvloeding van verkiezingen met desinformatie", "Departementaal Vertrouwelijk", "XCXXXAXADD", 'C', "DEMO-R-T5",
            "Een statelijke actor verspreidt vlak voor de verkiezingen gemanipuleerde beelden van kandidaten."),
        new("DEMO-T5-DIASPORA", "T5", "threat", "Intimidatie van gemeenschappen door een statelijke actor", "Staatsgeheim Confidentieel", "XCXAAXXADC", 'D', "DEMO-R-T5",
            "Leden van een gemeenschap in Nederland worden bespied en onder druk gezet door een buitenlandse dienst."),
        new("DEMO-T6-CONFLICT", "T6", "threat", "Gewapend conflict aan de oostgrens van de NAVO", "Staatsgeheim Confidentieel", "DECBDEBCCE", 'B', "DEMO-R-T6",
            "Een conflict aan de NAVO-grens vraagt inzet van de krijgsmacht en raakt energie en handel."),
        new("DEMO-T6-HYBRID", "T6", "threat", "Hybride campagne tegen Nederlandse belangen", "Staatsgeheim Geheim", "BDXAXCXCCC", 'D', "DEMO-R-T6",
            "Cyberaanvallen, desinformatie en verkenning van infrastructuur op zee als één campagne."),
        new("DEMO-T7-CHIPS", "T7", "hazard", "Uitval van chiptoelevering uit Oost-Azië", Open, "XBXXXECDAB", 'B', "DEMO-R-T7",
            "Een blokkade van een zeestraat stopt de aanvoer van halfgeleiders; fabrieken liggen stil."),
        new("DEMO-T7-TAKEOVER", "T7", "threat", "Overname van een vitaal bedrijf door een statelijke investeerder", "Departementaal Vertrouwelijk", "XCXXXCXABA", 'C', "DEMO-R-T7",
            "Een investeerder met banden met een buitenlandse staat verwerft zeggenschap over een netbeheerder."),
        new("DEMO-T7-ENERGY", "T7", "hazard", "Energieprijsschok na uitval van gasaanvoer", Open, "XBXABDXCAC", 'C', "DEMO-R-T7",
            "Uitval van een importroute verdrievoudigt de gasprijs een winter lang.", "3: 336h 0.3"),
        new("DEMO-T8-RANSOM", "T8", "threat", "Ransomware-aanval op een ziekenhuisketen", Open, "XAABBCXCAC", 'D', "DEMO-R-T8",
            "Criminelen versleutelen de systemen van twaalf ziekenhuizen; patiënten worden verplaatst.", "26: 96h 0.5"),
        new("DEMO-T8-SABOTAGE", "T8", "threat", "Digitale sabotage van de elektriciteitsvoorziening", "Staatsgeheim Confidentieel", "ACCCDDXDBD", 'B', "DEMO-R-T8",
            "Een statelijke actor schakelt op afstand onderstations uit; een landsdeel zit zonder stroom.", "1: 48h 0.7; 2: 48h"),
        new("DEMO-T9-POWER", "T9", "hazard", "Langdurige stroomuitval in een landsdeel", Open, "XACCDDXEAD", 'B', "DEMO-R-T9",
            "Een storing in het hoogspanningsnet legt drie provincies vier dagen plat; de gevolgen lopen door in water, telecom en betalen.",
            "1: 96h; 2: 96h"),
        new("DEMO-T9-CABLE", "T9", "threat", "Sabotage van onderzeese datakabels", "Departementaal Vertrouwelijk", "XBXXXCXCAB", 'C', "DEMO-R-T9",
            "Drie datakabels in de Noordzee worden tegelijk doorgesneden.", "6: 72h 0.6; 7: 72h 0.5"),
        new("DEMO-T9-GNSS", "T9", "hazard", "Verstoring van satellietnavigatie door een zonnestorm", Open, "XAXAAACBAA", 'C', "DEMO-R-T9",
            "Een zware zonnestorm verstoort plaats- en tijdsbepaling en daarmee scheepvaart en netten.", "9: 24h; 13: 24h 0.3"),
    ];

    public static readonly IReadOnlyList<(string Code, string Theme, string Kind, string Title)> Risks =
    [
        ("DEMO-R-T1", "T1", "hazard", "Overstromingen en extreem weer"), ("DEMO-R-T2", "T2", "hazard", "Uitbraak van infectieziekten"),
        ("DEMO-R-T3", "T3", "hazard", "Grote industriële en nucleaire ongevallen"), ("DEMO-R-T4", "T4", "threat", "Terrorisme en gewelddadig extremisme"),
        ("DEMO-R-T5", "T5", "threat", "Statelijke inmenging in de democratie"), ("DEMO-R-T6", "T6", "threat", "Militaire dreiging tegen het bondgenootschap"),
        ("DEMO-R-T7", "T7", "threat", "Economische afhankelijkheden en druk"), ("DEMO-R-T8", "T8", "threat", "Cyberaanvallen op vitale diensten"),
        ("DEMO-R-T9", "T9", "hazard", "Uitval van vitale infrastructuur"),
    ];

    private const string Levels = "XABCDE";

    /// <summary>
    /// The assessment table the three analysts hand in (header first), as `baken assessments import` reads it. Each analyst
    /// departs from the consensus by at most one class on some criteria, in a fixed pattern, so the analysts page shows
    /// spread without any randomness. An analyst scores only the scenarios their clearance allows.
    /// </summary>
    public static IReadOnlyList<Assessments.AssessmentRawRow> AssessmentTable()
    {
        string[] header = ["scenario_id", "scenario_title", "theme", "kind", "analyst", "organisation", "classification", "horizon_years", "likelihood",
            "intent", "capability", "vulnerability", .. Criteria, "confidence"];
        var rows = new List<Assessments.AssessmentRawRow> { new(1, header) };
        for (var s = 0; s < Scenarios.Count; s++)
        {
            var scenario = Scenarios[s];
            var level = Rank(scenario.Classification);
            for (var a = 0; a < Analysts.Count; a++)
            {
                var analyst = Analysts[a];
                if (Rank(analyst.Clearance) < level) continue;
                var classes = Criteria.Select((_, c) => Shift(scenario.Classes[c], Nudge(s, a, c), allowX: true).ToString()).ToArray();
                var likelihood = Shift(scenario.Likelihood, Nudge(s, a, 11), allowX: false).ToString();
                rows.Add(new(rows.Count + 1, [scenario.Code, scenario.Title, scenario.Theme, scenario.Kind, analyst.UserName, analyst.Organisation,
                    scenario.Classification, "5", likelihood, "", "", "", .. classes, a == 1 ? "medium" : "high"]));
            }
        }
        return rows;
    }

    /// <summary>-1, 0 or +1: a fixed pattern over scenario, analyst and criterion.</summary>
    private static int Nudge(int scenario, int analyst, int criterion) => ((scenario * 5 + analyst * 7 + criterion * 3) % 5) switch { 0 => -1, 4 => 1, _ => 0 };

    private static char Shift(char consensus, int by, bool allowX)
    {
        if (consensus == 'X') return 'X';
        var i = Math.Clamp(Levels.IndexOf(consensus) + by, allowX ? 1 : 1, 5);
        return Levels[i];
    }

    private static int Rank(string classification) =>
        Domain.Security.ClassificationLevels.TryParse(classification, out var l) ? (int)l : 0;

    /// <summary>A date as the register's files write it.</summary>
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
