using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Baken.Web.Localization;

/// <summary>
/// The workbench's words in Dutch (the neutral resource, Ui.resx) and English (Ui.en.resx), read through
/// <see cref="IStringLocalizer"/> in the request's UI culture (chosen by the request-localization middleware:
/// the culture cookie or <c>?culture=</c>, Dutch by default). Pages reach it through <see cref="LocalizedComponent"/>.
/// </summary>
public sealed class Ui(IStringLocalizer<Ui> localizer)
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text for <paramref name="key"/>; an unknown key reads as itself so a gap shows (and the page test finds it).</summary>
    public string T(string key) => localizer[key];

    /// <summary>The text for <paramref name="key"/>, or <paramref name="fallback"/> when neither resource has it.</summary>
    public string T(string key, string fallback)
    {
        var s = localizer[key];
        return s.ResourceNotFound ? fallback : s.Value;
    }

    public bool Has(string key) => !localizer[key].ResourceNotFound;

    /// <summary>A field value as shown: a reference the reader may not see reads "withheld" in their language.</summary>
    public string? Shown(string? value) =>
        value?.Replace(Baken.Application.Register.RecordReferences.Withheld, T("ref.withheld"), StringComparison.Ordinal);
}
