using Baken.Application.Common;
using Baken.Application.Register;
using Microsoft.AspNetCore.Components;

namespace Baken.Web.Localization;

/// <summary>The base of every page and component: <c>T("key")</c> and the other word helpers of <see cref="Ui"/>.</summary>
public abstract class LocalizedComponent : ComponentBase
{
    [Inject] public Ui Words { get; set; } = default!;

    protected static bool IsEnglish => Ui.IsEnglish;
    protected string T(string key) => Words.T(key);
    /// <summary>A value's problem in the reader's language (<see cref="Ui.Problem"/>).</summary>
    protected string Problem(FieldError error) => Words.Problem(error);
    /// <summary>A field's problem as shown beside the field: the value and what is allowed, in the reader's language.</summary>
    protected string FieldProblem(FieldError error) =>
        $"'{Baken.Domain.DomainValidationException.Shorten(error.Value)}' — {Words.Allowed(error)}";
    protected string? Shown(string? value) => Words.Shown(value);
    protected static string KindName(RecordKind kind) => Ui.KindName(kind);
    protected string FieldLabel(RecordKind kind, RecordField field) => Words.FieldLabel(kind, field);
    protected string EnumText<TEnum>(TEnum value) where TEnum : struct, Enum => Words.EnumText(value);

    /// <summary>A date as the page's language writes it: "2 december 2026", "2 December 2026" (form inputs keep ISO).</summary>
    protected static string Date(DateOnly date) => PageDates.Date(date);
    protected static string Date(DateOnly? date) => date is { } d ? PageDates.Date(d) : "";
    protected static string Date(DateTime date) => PageDates.Date(DateOnly.FromDateTime(date));
    /// <summary>A moment (stored in UTC) as the page's language writes it: "2 december 2026 14:05".</summary>
    protected static string Moment(DateTime utc) => PageDates.Moment(utc);
    protected static string Moment(DateTime? utc) => utc is { } d ? PageDates.Moment(d) : "";

    /// <summary>A number stored in invariant form ("0.4434") as the reader writes it ("0,4434"); other text as it is.</summary>
    protected static string? Number(string? invariant) =>
        double.TryParse(invariant, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d.ToString("#,##0.######", System.Globalization.CultureInfo.CurrentCulture) : invariant;
}

/// <summary>
/// The one place pages turn dates into text: the long form of the request's culture (Dutch "2 december 2026", English
/// "2 December 2026"), never ISO "2026-12-02", which stays for form inputs, files and the API.
/// </summary>
public static class PageDates
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
    public static string Moment(DateTime utc) => utc.ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture);
}

/// <summary>The same helpers for the layout, which must derive from <see cref="LayoutComponentBase"/>.</summary>
public abstract class LocalizedLayout : LayoutComponentBase
{
    [Inject] public Ui Words { get; set; } = default!;

    protected static bool IsEnglish => Ui.IsEnglish;
    protected string T(string key) => Words.T(key);
    /// <summary>A value's problem in the reader's language (<see cref="Ui.Problem"/>).</summary>
    protected string Problem(FieldError error) => Words.Problem(error);
    /// <summary>A field's problem as shown beside the field: the value and what is allowed, in the reader's language.</summary>
    protected string FieldProblem(FieldError error) =>
        $"'{Baken.Domain.DomainValidationException.Shorten(error.Value)}' — {Words.Allowed(error)}";
}
