using Baken.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Baken.Web.Security;

public sealed record MeView(string UserName, string Clearance, IReadOnlyList<string> Roles);

/// <summary>Sign-in and sign-out by form post, the language switch, and who the caller is.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
                HttpContext http, SignIn signIn, IMemoryCache cache, ILoggerFactory logs) =>
            {
                var user = await signIn.HandleAsync(userName.Trim(), password, http.RequestAborted);
                // The client's address: behind a trusted reverse proxy the one it forwarded (docs/operations.md).
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var log = logs.CreateLogger("Baken.Web.Security.SignIn");
                if (user is null)
                {
                    SignInLog.Failed(log, userName.Trim(), address);
                    return Results.LocalRedirect("/signin?failed=1");
                }
                SignInLog.SignedIn(log, user.UserName, address);
                SessionCheck.Forget(cache, user.UserName);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    HttpCurrentUser.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
                // A one-time password is replaced before anything else.
                if (user.MustChangePassword) return Results.LocalRedirect("/account/password");
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .RequireRateLimiting("signin").ExcludeFromDescription();

        app.MapPost("/account/password", async ([FromForm] string current, [FromForm] string password, [FromForm] string repeat,
                HttpContext http, ChangePassword change, SignIn signIn, IMemoryCache cache) =>
            {
                if (password != repeat) return Results.LocalRedirect("/account/password?error=repeat");
                var result = await change.HandleAsync(http.User.Identity!.Name!, current, password, http.RequestAborted);
                if (!result.IsOk) return Results.LocalRedirect($"/account/password?error={result.Errors[0].Field}");
                // Re-issue the cookie without the must-change mark, and let the session check read the changed account.
                SessionCheck.Forget(cache, http.User.Identity!.Name!);
                var user = await signIn.HandleAsync(http.User.Identity!.Name!, password, http.RequestAborted);
                if (user is not null)
                    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, HttpCurrentUser.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
                return Results.LocalRedirect("/");
            })
            .RequireAuthorization().RequireRateLimiting("signin").ExcludeFromDescription();

        app.MapPost("/account/signout", async (HttpContext http) =>
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.LocalRedirect("/");
            })
            .ExcludeFromDescription();

        app.MapGet("/culture/{lang}", (string lang, string? returnUrl, HttpContext http) =>
            {
                var culture = lang == "en" ? "en" : "nl";
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { SameSite = SameSiteMode.Lax, HttpOnly = true, MaxAge = TimeSpan.FromDays(365) });
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .ExcludeFromDescription();

        app.MapGet("/api/me", (HttpContext http, Application.Common.ICurrentUser me) =>
                TypedResults.Ok(new MeView(me.UserName, me.Clearance.ToString(),
                    http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList())))
            .RequireAuthorization().WithTags("Account").WithSummary("Who the caller is and their clearance");
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

/// <summary>Who signed in, or tried to, from which address: the trail an operator follows after a guessing attack.</summary>
public static partial class SignInLog
{
    [LoggerMessage(EventId = 1911, Level = LogLevel.Warning, Message = "Sign-in as {UserName} from {Address} refused")]
    public static partial void Failed(ILogger logger, string userName, string address);

    [LoggerMessage(EventId = 1912, Level = LogLevel.Information, Message = "{UserName} signed in from {Address}")]
    public static partial void SignedIn(ILogger logger, string userName, string address);
}
