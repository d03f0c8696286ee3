namespace Baken.Domain.Security;

/// <summary>
/// Who a product is made for (METHODS §10): the highest level they may see, the compartments they hold, and whether
/// only records marked publishable may go in. Every product (reports, packs, exports, releases) filters with
/// <see cref="Admits(Record)"/>; nothing else decides what an audience sees.
/// </summary>
/// <param name="Name">How the audience is written on the command line and in release records: <c>public</c>, <c>internal</c> or a marking line.</param>
public sealed record Audience(ClassificationLevel Level, long CompartmentMask, bool PublicOnly, string Name)
{
    /// <summary>Parliament and the public: Ongerubriceerd, no compartments, publishable records only.</summary>
    public static Audience Public { get; } = new(ClassificationLevel.Ongerubriceerd, 0, true, "public");

    /// <summary>The caller's own view: whatever the caller may see (the database layer already caps that).</summary>
    public static Audience Caller { get; } = new(ClassificationLevel.StaatsgeheimZeerGeheim, -1L, false, "internal");

    /// <summary>Readers cleared up to <paramref name="level"/> holding <paramref name="compartmentMask"/>, named by their marking.</summary>
    public static Audience Cleared(ClassificationLevel level, long compartmentMask, Marking marking) =>
        new(level, compartmentMask, false, marking.Text);

    public bool IsPublic => PublicOnly;

    public bool Admits(Record r) => Admits(r.Classification, r.Publishable);

    public bool Admits(Classification c, bool publishable) =>
        c.IsVisibleTo(Level, CompartmentMask) && (!PublicOnly || publishable);

    /// <summary>Narrowed to what <paramref name="level"/> may see (the old <c>--as-clearance</c>); never widened.</summary>
    public Audience AtMost(ClassificationLevel level) =>
        level >= Level ? this : this with { Level = level, Name = PublicOnly ? Name : Marking.LevelText(level) };
}
