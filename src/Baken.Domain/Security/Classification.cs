namespace Baken.Domain.Security;

/// <summary>
/// A record's classification: a level plus need-to-know compartments. Compartments are bits of a 64-bit
/// mask (bit numbers come from the <see cref="Compartment"/> table), so that "the user holds every
/// compartment of the record" is one bitwise test that both SQLite and PostgreSQL evaluate in SQL.
/// </summary>
public readonly record struct Classification(ClassificationLevel Level, long CompartmentMask)
{
    public static readonly Classification Unclassified = new(ClassificationLevel.Ongerubriceerd, 0);

    /// <summary>True when a holder of <paramref name="clearance"/> with <paramref name="heldCompartments"/> may see this.</summary>
    public bool IsVisibleTo(ClassificationLevel clearance, long heldCompartments) =>
        Level <= clearance && (CompartmentMask & ~heldCompartments) == 0;

    /// <summary>
    /// The classification of something derived from <paramref name="inputs"/>: the highest level and the union
    /// of all compartments, so a derived product never reveals more than its most restricted input.
    /// </summary>
    public static Classification Highest(IEnumerable<Classification> inputs)
    {
        var level = ClassificationLevel.Ongerubriceerd;
        long mask = 0;
        foreach (var c in inputs)
        {
            if (c.Level > level) level = c.Level;
            mask |= c.CompartmentMask;
        }
        return new Classification(level, mask);
    }
}
