using System.Security.Claims;
using Baken.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Web.Security;

/// <summary>
/// A browser session carries the clearance, compartments and roles it signed in with. This check compares them with the
/// account whenever any account or token changed anywhere (the <see cref="Domain.Users.AccessStamp"/>, read on every
/// request, so a change made on one node holds on every node at the next request): a changed account gets a new session
/// ticket with its current access (a lowered clearance takes effect without waiting for the 8-hour cookie), and a deleted
/// account is signed out. While nothing changed, the account read last is used.
/// </summary>
public static class SessionCheck
{
    /// <summary>How long an account read is kept at most, even while nothing changes (a bound on memory, not on freshness).</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private sealed record Remembered(Guid Stamp, Domain.Users.User? Account);

    private static string CacheKey(string userName) => "session-account:" + userName;

    /// <summary>Makes the next request of this user's sessions read the account again (after an administrator changed it here).</summary>
    public static void Forget(IMemoryCache cache, string userName) => cache.Remove(CacheKey(userName));

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal?.Identity?.Name is not { } name) return;
        var cache = ctx.HttpContext.RequestServices.GetRequiredService<IMemoryCache>();
        var accounts = ctx.HttpContext.RequestServices.GetRequiredService<AccountAccess>();
        // The stamp first, then the account: a change committed between the two reads is caught at the next request.
        var stamp = await accounts.StampAsync(ctx.HttpContext.RequestAborted);
        if (!cache.TryGetValue(CacheKey(name), out Remembered? remembered) || remembered!.Stamp != stamp)
        {
            remembered = new Remembered(stamp, await accounts.FindAsync(name, ctx.HttpContext.RequestAborted));
            cache.Set(CacheKey(name), remembered, KeepFor);
        }
        var account = remembered.Account;
        if (account is null)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var current = HttpCurrentUser.PrincipalFor(account, CookieAuthenticationDefaults.AuthenticationScheme);
        if (Access(ctx.Principal) != Access(current))
        {
            ctx.ReplacePrincipal(current);
            ctx.ShouldRenew = true;
        }
    }

    private static string Access(ClaimsPrincipal p) => string.Join("|",
        p.FindFirst(HttpCurrentUser.ClearanceClaim)?.Value, p.FindFirst(HttpCurrentUser.CompartmentsClaim)?.Value,
        p.FindFirst(HttpCurrentUser.MustChangePasswordClaim)?.Value, p.FindFirst(HttpCurrentUser.OrganisationClaim)?.Value, string.Join(";", p.FindAll(ClaimTypes.Role).Select(c => c.Value).Order()));
}
