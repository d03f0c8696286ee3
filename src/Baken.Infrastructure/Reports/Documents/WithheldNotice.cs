namespace Baken.Infrastructure.Reports.Documents;

/// <summary>
/// What a redacted document says about what it left out: one total, never titles and never counts per level (those
/// would tell a reader how much exists above their level; METHODS §10).
/// </summary>
public static class WithheldNotice
{
    /// <summary>The notice for a document, or null when nothing was left out.</summary>
    public static Notice? For(int withheld, bool nl) =>
        withheld == 0 ? null : new Notice(nl
            ? $"Niet opgenomen in deze versie: {withheld} item(s) die deze lezers niet mogen zien."
            : $"Withheld from this version: {withheld} item(s) these readers may not see.");
}
