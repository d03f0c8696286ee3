using System.Security.Claims;
using Baken.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Web.Security;

/// <summary>
/// A browser session carries the clearance, compartments and roles it signed in with. This check compares them with the
/// account at most every <see cref="CheckEvery"/>: a changed account gets a new session ticket with its current access
/// (a lowered clearance takes effect without waiting for the 8-hour cookie), and a deleted account is signed out.
/// </summary>
public static class SessionCheck
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private static string CacheKey(string userName) => "session-account:" + userName;

    /// <summary>Makes the next request of this user's sessions read the account again (after an administrator changed it here).</summary>
    public static void Forget(IMemoryCache cache, string userName) => cache.Remove(CacheKey(userName));

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal?.Identity?.Name is not { } name) return;
        var cache = ctx.HttpContext.RequestServices.GetRequiredService<IMemoryCache>();
        if (!cache.TryGetValue(CacheKey(name), out Domain.Users.User? account))
        {
            var db = ctx.HttpContext.RequestServices.GetRequiredService<IBakenDb>();
            account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, ctx.HttpContext.RequestAborted);
            cache.Set(CacheKey(name), account, CheckEvery);
        }
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
