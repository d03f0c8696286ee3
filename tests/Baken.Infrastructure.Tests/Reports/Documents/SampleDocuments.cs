using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Tests.Reports.Documents;

/// <summary>Documents for the writer tests, each exercising every block type.</summary>
internal static class SampleDocuments
{
    public const string PublicMarking = "ONGERUBRICEERD";
    public const string ClassifiedMarking = "STG. GEHEIM // NUC";

    public static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://example.invalid\",\"klik\")",
        "control\u0001character",
        "unpaired\uD800surrogate and \uDC00 low",
        "already &amp; encoded",
        "emoji 🛡️ 🇳🇱 ✅",
        "quotes \" ' and ]]> end",
    ];

    /// <summary>A progress report with one block of every kind.</summary>
    public static ReportDocument ProgressReport(string language = "nl", string marking = PublicMarking) => new(
        "Voortgangsrapportage Nationale Veiligheidsstrategie",
        language,
        marking,
        [
            new Heading(1, "1. Samenvatting"),
            new Paragraph("De strategie ligt op koers.\nTwee doelen lopen achter."),
            new Paragraph("Kernboodschap: investeer in weerbaarheid.", Emphasis: true),
            new Heading(2, "1.1 Doelen"),
            new BulletList(["Weerbare vitale infrastructuur", "Digitale veiligheid\tin uitvoering", "Economische veiligheid"]),
            new Heading(3, "1.1.1 Stand van zaken"),
            new Table(
                "Tabel 1 – Voortgang per doel",
                ["Doel", "Status", "Maatregelen"],
                [
                    ["Vitale infrastructuur", "op koers", "12"],
                    ["Digitale veiligheid", "achter", "7"],
                    ["Economische veiligheid", "op koers", "4"],
                ]),
            new Notice("Withheld from this public version: 3 items (Geheim: 2, Stg. Confidentieel: 1)"),
            new PageBreak(),
            new Heading(1, "2. Bijlagen"),
            new Table(null, ["Nr.", "Onderwerp"], [["A", "Agenda raadsvergadering"]]),
        ],
        Subtitle: "Rapportage aan de Tweede Kamer",
        DateText: "november 2026");

    /// <summary>Every visible text of <see cref="ProgressReport"/> (line by line where it has several lines).</summary>
    public static readonly string[] ProgressReportTexts =
    [
        "Voortgangsrapportage Nationale Veiligheidsstrategie", "Rapportage aan de Tweede Kamer", "november 2026",
        "1. Samenvatting", "De strategie ligt op koers.", "Twee doelen lopen achter.", "Kernboodschap: investeer in weerbaarheid.",
        "1.1 Doelen", "Weerbare vitale infrastructuur", "Digitale veiligheid", "in uitvoering", "Economische veiligheid",
        "1.1.1 Stand van zaken", "Tabel 1 – Voortgang per doel", "Doel", "Status", "Maatregelen",
        "Vitale infrastructuur", "op koers", "12", "achter", "7", "4",
        "Withheld from this public version: 3 items (Geheim: 2, Stg. Confidentieel: 1)",
        "2. Bijlagen", "Nr.", "Onderwerp", "A", "Agenda raadsvergadering",
    ];

    /// <summary>A document whose every text slot carries <paramref name="text"/>.</summary>
    public static ReportDocument Carrying(string text, string marking = PublicMarking) => new(
        "Titel " + text,
        "en",
        marking + " " + text,
        [
            new Heading(1, "H " + text),
            new Paragraph(text),
            new Paragraph(text, Emphasis: true),
            new BulletList([text, "item " + text]),
            new Table("Caption " + text, ["Header " + text, "B"], [[text, "x"], ["y", text]]),
            new Notice("Notice " + text),
            new PageBreak(),
        ],
        Subtitle: "Sub " + text,
        DateText: "Date " + text);

    public static ReportDocument LargeTable(int rows) => new(
        "Maatregelenregister",
        "nl",
        PublicMarking,
        [
            new Table(
                "Alle maatregelen",
                ["Id", "Maatregel", "Eigenaar", "Status"],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"M-{i:D5}", $"Maatregel {i}", $"Ministerie {i % 12}", i % 3 == 0 ? "gereed" : "loopt"]).ToList()),
        ]);
}
