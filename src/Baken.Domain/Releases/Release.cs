namespace Baken.Domain.Releases;

/// <summary>
/// A product released to an audience: what (kind and subject), for whom, who released it and when, the marking it
/// carries, the SHA-256 of the file and the file itself. A release is never changed or deleted (the database layer
/// refuses it); a new version of the product is a new release. Classified at the product's marking; published
/// (visible to the Public role) only when released to the public audience.
/// </summary>
public sealed class Release : Record
{
    /// <summary>What was released: <c>analysis</c>, <c>progress</c>, <c>agenda</c>, <c>minutes</c>, <c>summary</c>, <c>dependencies</c>.</summary>
    public string ProductKind { get; set; } = "";

    /// <summary>The record the product is about (the run or meeting code), or the product kind for register-wide products.</summary>
    public string Subject { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The audience as written on the command line: <c>public</c>, <c>internal</c> or a marking line.</summary>
    public string Audience { get; set; } = "";

    /// <summary>1 for the first release of this product to this audience, +1 for each new one.</summary>
    public int ReleaseNumber { get; set; }

    /// <summary>The marking line printed on the product.</summary>
    public string Marking { get; set; } = "";

    public string ReleasedBy { get; set; } = "";
    public DateTime ReleasedAtUtc { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hexadecimal.</summary>
    public string Sha256 { get; set; } = "";

    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
}
