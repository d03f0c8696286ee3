using Microsoft.AspNetCore.Components;

namespace Baken.Web.Localization;

/// <summary>The base of every page and component: <c>T("key")</c> and the other word helpers of <see cref="Ui"/>.</summary>
public abstract class LocalizedComponent : ComponentBase
{
    [Inject] public Ui Words { get; set; } = default!;

    protected static bool IsEnglish => Ui.IsEnglish;
    protected string T(string key) => Words.T(key);
    protected string? Shown(string? value) => Words.Shown(value);
    protected static string KindName(Baken.Application.Register.RecordKind kind) => Ui.KindName(kind);
    protected string FieldLabel(Baken.Application.Register.RecordKind kind, Baken.Application.Register.RecordField field) => Words.FieldLabel(kind, field);
    protected string EnumText<TEnum>(TEnum value) where TEnum : struct, Enum => Words.EnumText(value);

    /// <summary>A number stored in invariant form ("0.4434") as the reader writes it ("0,4434"); other text as it is.</summary>
    protected static string? Number(string? invariant) =>
        double.TryParse(invariant, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d.ToString("#,##0.######", System.Globalization.CultureInfo.CurrentCulture) : invariant;
}

/// <summary>The same helpers for the layout, which must derive from <see cref="LayoutComponentBase"/>.</summary>
public abstract class LocalizedLayout : LayoutComponentBase
{
    [Inject] public Ui Words { get; set; } = default!;

    protected static bool IsEnglish => Ui.IsEnglish;
    protected string T(string key) => Words.T(key);
}
