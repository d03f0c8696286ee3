using Baken.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Web.Security;

/// <summary>
/// Government single sign-on by OpenID Connect, switched on by configuration (section Authentication:OpenIdConnect with
/// Authority, ClientId and ClientSecret). The identity provider says who someone is; Baken's own user record says
/// what they may see: a signed-in person without a Baken account with a clearance is refused.
/// </summary>
public static class SingleSignOn
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:Authority"]) && !string.IsNullOrWhiteSpace(configuration[$"{Section}:ClientId"]);

    public static AuthenticationBuilder AddBakenSingleSignOn(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return builder;
        var section = configuration.GetSection(Section);
        return builder.AddOpenIdConnect(Scheme, "Rijksoverheid SSO", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = false;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.CallbackPath = section["CallbackPath"] ?? "/signin-oidc";
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = async ctx =>
            {
                // Map the provider's user name claim to a Baken account; the claims Baken uses come from that account.
                var claim = section["UserNameClaim"] ?? "preferred_username";
                var name = ctx.Principal?.FindFirst(claim)?.Value;
                var user = name is null ? null : await ctx.HttpContext.RequestServices.GetRequiredService<AccountAccess>().FindAsync(name);
                if (user is null)
                {
                    ctx.Fail("This person has no Baken account; an administrator adds one with a clearance.");
                    return;
                }
                ctx.Principal = HttpCurrentUser.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme);
            };
        });
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (IsConfigured(configuration))
            app.MapGet("/account/sso", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [Scheme])).ExcludeFromDescription();
        return app;
    }
}
