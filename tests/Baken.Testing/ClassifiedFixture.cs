using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;

namespace Baken.Testing;

/// <summary>
/// Register data at every classification level, with no compartment, with NUC and with CYB: one risk per
/// combination, titled with a marker ("MARK-L3-NUC") so that a leak shows up as a marker in any output.
/// </summary>
public static class ClassifiedFixture
{
    public const long Nuc = 1L << 0;
    public const long Cyb = 1L << 1;

    public static readonly (string Name, long Mask)[] CompartmentSets = [("NONE", 0), ("NUC", Nuc), ("CYB", Cyb)];

    public static string Marker(ClassificationLevel level, string compartment) => $"MARK-L{(int)level}-{compartment}";

    public static IEnumerable<(ClassificationLevel Level, string Compartment, long Mask)> All() =>
        from level in Enum.GetValues<ClassificationLevel>()
        from set in CompartmentSets
        select (level, set.Name, set.Mask);

    /// <summary>Whether a holder of (clearance, held) may see the record of (level, mask).</summary>
    public static bool MaySee(ClassificationLevel clearance, long held, ClassificationLevel level, long mask) =>
        new Classification(level, mask).IsVisibleTo(clearance, held);

    public static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
        db.Compartments.Add(new Compartment("CYB", "Cyber", 1));
        await db.SaveChangesAsync();
        var save = new SaveRecord(db, FixedUser.System);
        foreach (var (level, compartment, _) in All())
        {
            var result = await save.HandleAsync(new SaveRecordRequest("risk", Marker(level, compartment), new Dictionary<string, string?>
            {
                ["title"] = $"{Marker(level, compartment)} title",
                ["kind"] = "threat",
                ["description"] = $"{Marker(level, compartment)} body",
                ["classification"] = level.DisplayName(),
                ["compartments"] = compartment == "NONE" ? "" : compartment,
            }, SaveMode.Create));
            if (!result.IsOk) throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    /// <summary>Every (clearance, compartments) a test user can have.</summary>
    public static IEnumerable<object[]> Users() =>
        from clearance in Enum.GetValues<ClassificationLevel>()
        from held in new[] { 0L, Nuc, Nuc | Cyb }
        select new object[] { clearance, held };
}
