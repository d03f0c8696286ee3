namespace Baken.Domain.Security;

/// <summary>A need-to-know compartment (e.g. "NUC", "CYBER"). <see cref="Bit"/> is its position in compartment masks (0–62).</summary>
public sealed class Compartment
{
    public const int MaxCompartments = 63;

    public Compartment(string code, string name, int bit)
    {
        Code = RecordCode.Validate(code, nameof(code));
        Name = string.IsNullOrWhiteSpace(name) ? code : name.Trim();
        if (bit is < 0 or >= MaxCompartments)
            throw new ArgumentOutOfRangeException(nameof(bit), bit, $"compartment bit must lie in 0–{MaxCompartments - 1}");
        Bit = bit;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; set; }
    public int Bit { get; private set; }
    public long Mask => 1L << Bit;
}
