using System.Globalization;

namespace Baken.Web.Localization;

/// <summary>The workbench's words in Dutch (default) and English, chosen by the request culture.</summary>
public static class Ui
{
    private static readonly Dictionary<string, (string Nl, string En)> Words = new()
    {
        ["app.tagline"] = ("Geïntegreerde planning nationale veiligheid", "Integrated national security planning"),
        ["nav.dashboard"] = ("Overzicht", "Dashboard"),
        ["nav.register"] = ("Register", "Register"),
        ["nav.api"] = ("API-documentatie", "API documentation"),
        ["nav.signin"] = ("Inloggen", "Sign in"),
        ["nav.signout"] = ("Uitloggen", "Sign out"),
        ["nav.skip"] = ("Naar de inhoud", "Skip to content"),
        ["lang.switch"] = ("English", "Nederlands"),
        ["home.title"] = ("Het register in één oogopslag", "The register at a glance"),
        ["home.records"] = ("records die u mag zien", "records you may see"),
        ["home.clearance"] = ("Uw rubriceringsniveau", "Your clearance"),
        ["home.anonymous"] = ("U bent niet ingelogd; u ziet alleen ongerubriceerd, openbaar materiaal.", "You are not signed in; you see only unclassified, public material."),
        ["list.search"] = ("Zoeken", "Search"),
        ["list.searchlabel"] = ("Zoek op code of titel", "Search by code or title"),
        ["list.export"] = ("Exporteren", "Export"),
        ["list.new"] = ("Nieuw", "New"),
        ["list.total"] = ("gevonden", "found"),
        ["list.none"] = ("Geen records gevonden.", "No records found."),
        ["list.previous"] = ("Vorige", "Previous"),
        ["list.next"] = ("Volgende", "Next"),
        ["list.page"] = ("Pagina", "Page"),
        ["col.code"] = ("Code", "Code"),
        ["col.title"] = ("Titel", "Title"),
        ["col.classification"] = ("Rubricering", "Classification"),
        ["col.version"] = ("Versie", "Version"),
        ["col.updated"] = ("Gewijzigd", "Updated"),
        ["detail.edit"] = ("Bewerken", "Edit"),
        ["detail.history"] = ("Geschiedenis", "History"),
        ["detail.compartments"] = ("Compartimenten", "Compartments"),
        ["detail.provenance"] = ("Herkomst", "Provenance"),
        ["detail.notfound"] = ("Dit record bestaat niet of u mag het niet zien.", "This record does not exist or you may not see it."),
        ["detail.scale"] = ("Klassenschaal", "Class scale"),
        ["detail.indicative"] = ("indicatief", "indicative"),
        ["detail.indicative.hint"] = ("Plaatshouder: de officiële klassengrenzen konden niet worden geverifieerd", "Placeholder: the official class boundaries could not be verified"),
        ["scale.class"] = ("Klasse", "Class"),
        ["scale.lower"] = ("Ondergrens", "Lower bound"),
        ["scale.meaning"] = ("Betekenis", "Meaning"),
        ["history.by"] = ("door", "by"),
        ["history.field"] = ("Veld", "Field"),
        ["history.before"] = ("Voor", "Before"),
        ["history.after"] = ("Na", "After"),
        ["edit.save"] = ("Opslaan", "Save"),
        ["edit.cancel"] = ("Annuleren", "Cancel"),
        ["edit.conflict"] = ("Iemand anders heeft dit record intussen gewijzigd. Hieronder staat de actuele versie; breng uw wijziging opnieuw aan.",
            "Someone else changed this record in the meantime. The current version is shown below; apply your change again."),
        ["edit.invalid"] = ("Niet alles is geldig ingevuld; zie de meldingen bij de velden.", "Some values are not valid; see the messages next to the fields."),
        ["signin.title"] = ("Inloggen bij Baken", "Sign in to Baken"),
        ["signin.user"] = ("Gebruikersnaam", "User name"),
        ["signin.password"] = ("Wachtwoord", "Password"),
        ["signin.failed"] = ("Inloggen is niet gelukt. Controleer uw gegevens; na vijf mislukte pogingen wordt het account 15 minuten geblokkeerd.",
            "Sign-in failed. Check your details; after five failed attempts the account is locked for 15 minutes."),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string key) => Words.TryGetValue(key, out var w) ? (IsEnglish ? w.En : w.Nl) : key;
}
