using System.Text.Encodings.Web;
using Microsoft.Extensions.Caching.Memory;
using Baken.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baken.Web.Security;

/// <summary>Authenticates machine clients by a personal API token in "Authorization: Bearer bkn_…".</summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens,
    Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>
    /// How long a resolved token is trusted without asking the database again: machine clients send many requests, and two
    /// queries per request cost more than the request itself. A revoked token or a changed clearance takes effect within this.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var key = "api-token:" + ApiTokens.Hash(token);
        if (!cache.TryGetValue(key, out Baken.Domain.Users.User? user))
        {
            user = await tokens.ResolveAsync(token, Context.RequestAborted);
            if (user is not null) cache.Set(key, user, CacheFor);
        }
        return user is null
            ? AuthenticateResult.Fail("The API token is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(HttpCurrentUser.PrincipalFor(user, SchemeName), SchemeName));
    }
}
