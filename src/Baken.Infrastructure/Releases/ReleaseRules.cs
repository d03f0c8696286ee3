using Baken.Domain;

namespace Baken.Infrastructure.Releases;

/// <summary>What a release request may name, as catalogue texts: the API and <c>baken release</c> answer with the same words.</summary>
public static class ReleaseRules
{
    public static readonly MessageTemplate ProductKinds = new("allowed.releases.productkinds", ProductDocuments.ProductKinds);
    public static readonly MessageTemplate ProductKindsWithSubject = new("allowed.releases.productkindssubject",
        ProductDocuments.ProductKinds + " (agenda, minutes, summary and analysis need subject)");
    public static readonly MessageTemplate MeetingCode = new("allowed.releases.meetingcode", "the code of the meeting");
}
