using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Domain.Users;

namespace Baken.Application.Analysis;

/// <summary>
/// Who may read analysts' user names (issue 14, METHODS §10): the internal classified audience only, that is a reader
/// cleared above Ongerubriceerd who is not the Public role. Everyone else, and every product released to an audience,
/// sees an analyst as A1…An or by organisation, never by user name.
/// </summary>
public static class AnalystNames
{
    /// <summary>True when <paramref name="reader"/> must not see analysts' user names.</summary>
    public static bool Hidden(ICurrentUser reader) =>
        reader.Clearance == ClassificationLevel.Ongerubriceerd || reader.IsInRole(Roles.Public);

    /// <summary>True when a product made for <paramref name="audience"/> must not name analysts: any audience but the caller's own internal view.</summary>
    public static bool Hidden(Audience audience) => audience.IsPublic || audience.Level == ClassificationLevel.Ongerubriceerd;
}
