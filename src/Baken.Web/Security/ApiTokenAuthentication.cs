using System.Security.Claims;
using System.Text.Encodings.Web;
using Baken.Application.Users;
using Baken.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baken.Web.Security;

/// <summary>Authenticates machine clients by a personal API token in "Authorization: Bearer bkn_…".</summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens,
    IMemoryCache cache, AccountAccess accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "baken:scope";

    /// <summary>
    /// How long a resolved token is remembered at most. Machine clients send many requests, and two queries per request cost
    /// more than the request itself, so a resolved token is kept while the <see cref="AccessStamp"/> (one row, read on every
    /// request) is unchanged. A token revoked or an account changed anywhere (the CLI, another node) changes the stamp, so
    /// every node refuses or re-reads at its next request.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private sealed record Remembered(Guid Stamp, ResolvedToken Token);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var key = CacheKey(ApiTokens.Hash(token));
        // The stamp first, then the token: a revocation committed between the two reads is caught at the next request.
        var stamp = await accounts.StampAsync(Context.RequestAborted);
        ResolvedToken? resolved;
        if (cache.TryGetValue(key, out Remembered? remembered) && remembered!.Stamp == stamp) resolved = remembered.Token;
        else
        {
            resolved = await tokens.ResolveAsync(token, Context.RequestAborted);
            if (resolved is not null) cache.Set(key, new Remembered(stamp, resolved), CacheFor);
            else cache.Remove(key);
        }
        if (resolved is null) return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        var principal = HttpCurrentUser.PrincipalFor(resolved.User, SchemeName);
        ((ClaimsIdentity)principal.Identity!).AddClaims(resolved.Scopes.Select(s => new Claim(ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static string CacheKey(string tokenHash) => "api-token:" + tokenHash;

    /// <summary>Forgets a resolved token at once, after it is revoked on this server.</summary>
    public static void Forget(IMemoryCache cache, string tokenHash) => cache.Remove(CacheKey(tokenHash));

    /// <summary>
    /// A request made with a token needs the token's scope for it: read for GET and HEAD, write for every other method.
    /// A browser session is not limited by scopes.
    /// </summary>
    public static async Task EnforceScopes(HttpContext ctx, Func<Task> next)
    {
        if (ctx.User.Identity is { IsAuthenticated: true, AuthenticationType: SchemeName })
        {
            var reads = HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method);
            var needed = reads ? TokenScopes.Read : TokenScopes.Write;
            if (!ctx.User.HasClaim(ScopeClaim, needed))
            {
                await Api.ResultResponses.Problem(StatusCodes.Status403Forbidden, "Outside the token's scope",
                        $"{ctx.Request.Method} needs a token with scope '{needed}'; this token has "
                                + $"'{string.Join(";", ctx.User.FindAll(ScopeClaim).Select(c => c.Value))}' (scopes are {string.Join(", ", TokenScopes.All)}).")
                    .ExecuteAsync(ctx);
                return;
            }
        }
        await next();
    }
}
