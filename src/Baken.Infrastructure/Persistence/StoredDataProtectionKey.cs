namespace Baken.Infrastructure.Persistence;

/// <summary>
/// One key of ASP.NET Core's data-protection key ring (the XML the key manager writes), kept in the register's database so
/// that every web node signs and reads cookies and antiforgery tokens with the same keys (docs/operations.md).
/// </summary>
public sealed class StoredDataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
