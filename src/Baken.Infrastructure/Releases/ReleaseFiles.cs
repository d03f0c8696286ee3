using Baken.Application.Common;
using Baken.Application.Releases;
using Baken.Domain.Releases;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Releases;

/// <summary>Renders a product for an audience as DOCX or HTML and hands the file, with its text per section, to <see cref="ReleaseProduct"/>.</summary>
public static class ReleaseFiles
{
    public static (byte[] Content, string FileName, string ContentType) Render(AudienceProduct product, string format) => format == "html"
        ? (System.Text.Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(product.Document)), $"{product.Kind}-{product.Subject}.html", "text/html; charset=utf-8")
        : (DocxWriter.ToBytes(product.Document), $"{product.Kind}-{product.Subject}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    public static Task<Result<Release>> ReleaseAsync(ReleaseProduct release, AudienceProduct product, Audience audience, string format, CancellationToken ct = default)
    {
        var (content, fileName, contentType) = Render(product, format);
        return release.HandleAsync(new ReleaseRequest(product.Kind, product.Subject, product.Document.Title, audience, product.Classification,
            fileName, contentType, content, RenderedText.Sections(content, format)), ct);
    }
}
