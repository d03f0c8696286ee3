using System.Globalization;
using System.Security.Claims;
using Baken.Application.Common;
using Baken.Domain.Security;
using Microsoft.AspNetCore.Http;

namespace Baken.Web.Security;

/// <summary>The signed-in user of the current request, read from its claims; nobody signed in is <see cref="FixedUser.Anonymous"/>.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string ClearanceClaim = "baken:clearance";
    public const string CompartmentsClaim = "baken:compartments";
    public const string MustChangePasswordClaim = "baken:must-change-password";
    public const string OrganisationClaim = "baken:organisation";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } p ? p : null;

    public string UserName => Principal?.Identity?.Name ?? FixedUser.Anonymous.UserName;

    public ClassificationLevel Clearance =>
        Principal?.FindFirst(ClearanceClaim)?.Value is { } v && int.TryParse(v, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((ClassificationLevel)n)
            ? (ClassificationLevel)n : FixedUser.Anonymous.Clearance;

    public long CompartmentMask =>
        Principal?.FindFirst(CompartmentsClaim)?.Value is { } v && long.TryParse(v, CultureInfo.InvariantCulture, out var m) ? m : 0;

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    public string? OrganisationCode => Principal?.FindFirst(OrganisationClaim)?.Value;

    public bool ViaApiToken => Principal?.Identity?.AuthenticationType == ApiTokenAuthentication.SchemeName;

    public static ClaimsPrincipal PrincipalFor(Domain.Users.User user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClearanceClaim, ((int)user.Clearance).ToString(CultureInfo.InvariantCulture)),
            new(CompartmentsClaim, user.CompartmentMask.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.OrganisationCode is { Length: > 0 } organisation) claims.Add(new Claim(OrganisationClaim, organisation));
        if (user.MustChangePassword) claims.Add(new Claim(MustChangePasswordClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
