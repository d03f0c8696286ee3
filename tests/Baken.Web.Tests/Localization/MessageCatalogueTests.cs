using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Baken.Methods;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Infrastructure.Persistence;
using Baken.Web.Components;
using Baken.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baken.Web.Tests.Localization;

/// <summary>
/// The catalogue of what values may be (issue 17): every <see cref="MessageTemplate"/> the core declares has its English
/// text (the CLI's and the API's words, in the template) and a Dutch resource under its key, with the same arguments;
/// a key is never used for two texts, and no Dutch resource is left over from a text that is gone.
/// </summary>
public sealed partial class MessageCatalogueTests
{
    private static readonly Assembly[] Core =
        [typeof(ParseText).Assembly, typeof(ValidationMessage).Assembly, typeof(AllowedTexts).Assembly, typeof(BakenDbContext).Assembly,
         typeof(PageRules).Assembly];

    /// <summary>
    /// Every template declared as a static field anywhere in Analysis (its parsers' texts), Domain, Application, Infrastructure and the web host's pages,
    /// alone or as the values of a static dictionary (a permission's verbs, subjects and roles).
    /// </summary>
    internal static IReadOnlyList<(string Where, MessageTemplate Template)> Templates() =>
        Core.SelectMany(a => a.GetTypes())
            .Select(Closed)
            .Where(t => t is not null)
            .SelectMany(t => t!.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral && (f.FieldType == typeof(MessageTemplate) || f.FieldType == typeof(ParseText) || IsTemplateDictionary(f.FieldType)))
                .SelectMany(f => f.GetValue(null) switch
                {
                    MessageTemplate one => [($"{t.Name}.{f.Name}", one)],
                    ParseText parser => [($"{t.Name}.{f.Name}", new MessageTemplate(parser.Key, parser.English))],
                    System.Collections.IDictionary many => many.Values.Cast<MessageTemplate>().Select(v => ($"{t.Name}.{f.Name}[{v.Key}]", v)),
                    _ => [],
                }))
            .Where(x => !x.Item2.IsVerbatim) // the frame of a text from outside Baken, shown as given
            .ToList();

    private static bool IsTemplateDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && type.GetGenericArguments()[1] == typeof(MessageTemplate);

    // A generic type (the record field builder) holds its templates once per closed type; one closing reads them.
    private static Type? Closed(Type t)
    {
        if (t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)) return null; // lambdas' closures declare no templates
        if (!t.IsGenericTypeDefinition) return t;
        var args = t.GetGenericArguments();
        return args.Length == 1 ? t.MakeGenericType(args[0].GetGenericParameterConstraints().FirstOrDefault(c => !c.IsInterface) ?? typeof(object)) : null;
    }

    private static IStringLocalizer Dutch() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Ui));

    [Fact]
    public void EveryTemplate_HasAKey_AnEnglishText_AndADutchResource_WithTheSameArguments()
    {
        var templates = Templates();
        templates.Count.ShouldBeGreaterThan(150, "the catalogue is found by reflection; far fewer means the scan broke");
        var localizer = Dutch();
        var problems = new List<string>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            foreach (var (where, t) in templates)
            {
                if (!Key().IsMatch(t.Key)) problems.Add($"{where}: key '{t.Key}' is not allowed.<feature>.<rule> in lower case");
                if (string.IsNullOrWhiteSpace(t.English)) problems.Add($"{where}: no English text");
                var dutch = localizer[t.Key];
                if (dutch.ResourceNotFound) { problems.Add($"{where}: no Dutch resource '{t.Key}' in Ui.resx (English: {t.English})"); continue; }
                if (dutch.Value == t.English && Regex.IsMatch(t.English, "[a-z]{4}")) problems.Add($"{where}: the Dutch resource '{t.Key}' is the English text");
                var english = Placeholders(t.English);
                if (!english.SetEquals(Placeholders(dutch.Value)))
                    problems.Add($"{where}: '{t.Key}' uses arguments {{{string.Join(",", english)}}} in English but {{{string.Join(",", Placeholders(dutch.Value))}}} in Dutch");
                else if (english.Count > 0)
                {
                    var args = Enumerable.Range(0, english.Max() + 1).Select(i => (object)(i + 1)).ToArray();
                    try { _ = string.Format(CultureInfo.InvariantCulture, t.English, args); _ = string.Format(CultureInfo.GetCultureInfo("nl-NL"), dutch.Value, args); }
                    catch (FormatException e) { problems.Add($"{where}: '{t.Key}' is not a valid format: {e.Message}"); }
                }
            }
            foreach (var key in templates.GroupBy(x => x.Template.Key).Where(g => g.Select(x => x.Template.English).Distinct().Count() > 1).Select(g => g.Key))
                problems.Add($"key '{key}' names two different texts");
            var declared = templates.Select(x => x.Template.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in localizer.GetAllStrings(includeParentCultures: true).Select(s => s.Name).Where(n => n.StartsWith("allowed.", StringComparison.Ordinal) && !declared.Contains(n)))
                problems.Add($"Ui.resx holds '{stale}', which no template declares");
        }
        finally { CultureInfo.CurrentUICulture = previous; }
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    [Fact]
    public void ADutchReader_GetsTheDutchText_WithNumbersInTheirCulture_AndAnEnglishReaderTheCoreText()
    {
        var ui = new Ui(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
        var error = new FieldError("file", "x.xlsx", AllowedTexts.CouncilsFileSize.With(20_000_000), 3);
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
            ui.Allowed(error).ShouldBe("een bestand van ten hoogste 20.000.000 bytes");
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            ui.Allowed(error).ShouldBe("a file of at most 20,000,000 bytes");
            ui.Problem(error).ShouldBe(error.ToString());
        }
        finally { CultureInfo.CurrentUICulture = previous; CultureInfo.CurrentCulture = previousCulture; }
    }

    private static HashSet<int> Placeholders(string format) =>
        Arg().Matches(format.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Arg();

    [GeneratedRegex(@"^allowed(\.[a-z0-9]+)+$")]
    private static partial Regex Key();
}
