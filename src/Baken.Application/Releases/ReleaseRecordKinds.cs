using System.Globalization;
using R = Baken.Domain.Releases;

namespace Baken.Application.Register;

/// <summary>Released products (issue 14). Read-only in the register: a release is made by <c>ReleaseProduct</c> and never changed.</summary>
public static partial class RecordKinds
{
    public static readonly RecordKind Release = Kind<R.Release>("release-record", "release-records", "Vrijgaven", "Releases", "title",
        db => db.Releases, b => b
            .Text("product", "What was released: analysis, progress, agenda, minutes, summary or dependencies", r => r.ProductKind, (r, v) => r.ProductKind = v ?? "", required: true)
            .Text("subject", "The run or meeting the product is about", r => r.Subject, (r, v) => r.Subject = v ?? "")
            .Text("title", "Title of the product", r => r.Title, (r, v) => r.Title = v ?? "", required: true)
            .Text("audience", "The audience: public, internal or a marking", r => r.Audience, (r, v) => r.Audience = v ?? "", required: true)
            .Int("release_number", "Version: 1 for the first release of this product to this audience", r => r.ReleaseNumber, (r, v) => r.ReleaseNumber = v, 1, int.MaxValue)
            .Text("marking", "The marking line on the product", r => r.Marking, (r, v) => r.Marking = v ?? "")
            .Text("released_by", "Who released it", r => r.ReleasedBy, (r, v) => r.ReleasedBy = v ?? "")
            .Text("released_at", "When (UTC)", r => r.ReleasedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), (_, _) => { })
            .Text("sha256", "SHA-256 of the file", r => r.Sha256, (r, v) => r.Sha256 = v ?? "")
            .Text("file_name", "File name", r => r.FileName, (r, v) => r.FileName = v ?? "")
            .Text("content_type", "Media type", r => r.ContentType, (r, v) => r.ContentType = v ?? "")
            .Text("size", "Size in bytes", r => r.Size.ToString(CultureInfo.InvariantCulture), (_, _) => { }),
        readOnly: true);
}
