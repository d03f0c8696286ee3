using System.Globalization;
using System.Threading.RateLimiting;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Signals;
using Baken.Infrastructure;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Persistence;
using Baken.Infrastructure.Signals;
using Baken.Web.Api;
using Baken.Web.Components;
using Baken.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Baken.Web.Hosting;

/// <summary>Builds the web workbench: pages, REST API with OpenAPI, sign-in, and the database for the configured provider.</summary>
public static class BakenWebApp
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <param name="configFile">A JSON configuration file (the CLI's --config); baken.json in the working folder is read too.</param>
    public static WebApplication Build(string[] args, DatabaseOptions database, string? urls = null, Action<WebApplicationBuilder>? configure = null, string? configFile = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "baken.json"), optional: true);
        if (configFile is not null) builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        builder.Configuration.AddEnvironmentVariables("BAKEN_");
        // Per-request and per-SQL-command logs cost more CPU than the requests themselves under load, and carry nothing
        // an operator needs; warnings and errors still show. (Logging:LogLevel in configuration can turn them back on.)
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Tests and hosts adjust configuration and logging before any service reads them.
        configure?.Invoke(builder);
        builder.WebHost.UseUrls(urls ?? builder.Configuration["urls"] ?? DefaultUrl);

        var services = builder.Services;
        services.AddBakenInfrastructure(database);
        services.AddOptions<FeedOptions>().Bind(builder.Configuration.GetSection(FeedOptions.Section)).ValidateOnStart();
        services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.Section)).ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<BackgroundIdentity>();
        // A request acts as its signed-in user; a background job as the identity it set for its scope.
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is null
                                               && sp.GetRequiredService<BackgroundIdentity>().User is { } background
            ? background
            : new HttpCurrentUser(sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddHostedService<SignalWatchService>();
        // Jobs are rows every node sees; this node's worker claims and runs them (docs/operations.md).
        // What an uploaded package may unpack to (docs/security.md): validated at start, so a bad setting stops the host.
        services.AddOptions<FileLimits>().Bind(builder.Configuration.GetSection(FileLimits.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // The Monte Carlo's widening where knowledge is weak (docs/workflow.md): off unless configured, validated at start.
        services.AddOptions<KnowledgeWideningOptions>().Bind(builder.Configuration.GetSection(KnowledgeWideningOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeWideningOptions>>().Value);
        services.AddOptions<JobOptions>().Bind(builder.Configuration.GetSection(JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Infrastructure.Jobs.JobQueue>();
        services.AddSingleton<JobWorker>();
        services.AddScoped<Application.Jobs.IJobKind, AnalysisReportJob>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        // The keys that sign cookies and antiforgery tokens live in the database, so a cookie from one node works on every node.
        services.AddDataProtection().SetApplicationName("Baken");
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseOptions, TimeProvider>((o, db, clock) => o.XmlRepository = new DatabaseKeyRepository(db, clock));
        builder.AddBakenObservability();
        builder.AddBakenReverseProxy();
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Baken API";
            doc.Info.Description = "The register of the integrated national security planning platform. Every answer is limited to what the caller's clearance and compartments allow.";
            return Task.CompletedTask;
        }).AddBakenSecuritySchemes());

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Baken";
                o.DefaultChallengeScheme = "Baken";
            })
            .AddPolicyScheme("Baken", "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "baken.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // The API answers 401/403 instead of redirecting to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddBakenSingleSignOn(builder.Configuration);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy("signin", ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
            // Per signed-in user (or address): a runaway script cannot starve the analysts. RateLimiting:ApiRequestsPerSecond.
            var perSecond = builder.Configuration.GetValue("RateLimiting:ApiRequestsPerSecond", 100);
            o.AddPolicy("api", ctx => RateLimitPartition.GetTokenBucketLimiter(
                ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * 2, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0,
                }));
        });
        services.AddLocalization();
        services.AddSingleton<Localization.Ui>();
        services.AddRazorComponents();
        // API bodies: a key given twice means different things to different readers (I-JSON, RFC 7493); refuse it.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AllowDuplicateProperties = false);

        var app = builder.Build();
        // The core's security events (sign-ins, tokens, releases, declassifications, refusals) go to this host's logs.
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        SecurityEvents.Use(loggers);
        app.Lifetime.ApplicationStopped.Register(() => SecurityEvents.Release(loggers));
        // Before anything reads the client's address or the scheme (the rate limiter, the sign-in log, cookies, redirects).
        app.UseBakenReverseProxy();
        // The language first: an error page is written after the inner middleware returned, outside the culture it set.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("nl"),
            SupportedCultures = [new CultureInfo("nl"), new CultureInfo("en")],
            SupportedUICultures = [new CultureInfo("nl"), new CultureInfo("en")],
            RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()],
        });
        app.UseBakenErrorPages();
        app.Use(SecurityHeaders);
        app.UseAuthentication();
        app.Use(ApiTokenAuthentication.EnforceScopes);
        app.Use(ReplaceOneTimePassword);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.Use(RequireAntiforgeryForCookies);

        app.MapOpenApi("/openapi/v1.json");
        // The API reference works offline and shows no vendor services: the script is served by this app (Scalar.AspNetCore
        // embeds it), no web fonts, no telemetry, no AI agent or MCP, no developer toolbar (its Deploy and Share buttons).
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Baken API").WithOpenApiRoutePattern("/openapi/v1.json")
            .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools().HideClientButton()
            .WithFavicon("/favicon.svg").AddPreferredSecuritySchemes([OpenApiSecurity.Bearer]));
        app.MapGet("/health", () => TypedResults.Ok("ok")).ExcludeFromDescription();
        app.MapBakenHealth();
        app.MapAccountEndpoints();
        app.MapSingleSignOn(app.Configuration);
        app.MapRegisterApi();
        app.MapAnalysisApi();
        app.MapJobApi();
        app.MapStrategyApi();
        app.MapCouncilApi();
        app.MapReleaseApi();
        app.MapSignalApi();
        app.MapWorkflowApi();
        app.MapCommentApi();
        app.MapRazorComponents<App>();
        return app;
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Someone signed in with a one-time password goes to the password page before any other page.</summary>
    private static Task ReplaceOneTimePassword(HttpContext ctx, Func<Task> next)
    {
        // Only people in a browser: machine clients with an API token are not sent to a form.
        if (ctx.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
            && ctx.User.HasClaim(HttpCurrentUser.MustChangePasswordClaim, "true") && HttpMethods.IsGet(ctx.Request.Method)
            && !ctx.Request.Path.StartsWithSegments("/api")
            && !ctx.Request.Path.StartsWithSegments("/account") && !ctx.Request.Path.StartsWithSegments("/culture"))
        {
            ctx.Response.Redirect("/account/password");
            return Task.CompletedTask;
        }
        return next();
    }

    /// <summary>
    /// A write made with the sign-in cookie (a page's form, an upload, sign-out, or the API called from a browser) carries an
    /// antiforgery token, also where the endpoint binds no form and the framework would not check it. A bearer token is
    /// never sent by a browser on its own, so API clients that use one need none.
    /// </summary>
    private static async Task RequireAntiforgeryForCookies(HttpContext ctx, Func<Task> next)
    {
        var method = ctx.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || ctx.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }
        var valid = ctx.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>()?.IsValid
                    ?? await ctx.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().IsRequestValidAsync(ctx);
        if (!valid)
        {
            await ResultResponses.Problem(StatusCodes.Status400BadRequest, "Missing or invalid antiforgery token",
                "A request made with the sign-in cookie must carry the antiforgery token of the form it came from.").ExecuteAsync(ctx);
            return;
        }
        await next();
    }

    private static Task SecurityHeaders(HttpContext ctx, Func<Task> next)
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Pages, API answers and downloads may hold classified content: no browser or proxy keeps a copy. Static assets
        // set their own caching after this. Written as antiforgery writes it on every form, so it has nothing to override
        // (and no warning to log on every page).
        h.CacheControl = "no-cache, no-store";
        h.Pragma = "no-cache";
        // The API reference page (Scalar) needs its own inline script; it too may reach nothing but this app.
        h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api-docs") || ctx.Request.Path.StartsWithSegments("/scalar")
            ? "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'"
            : "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        return next();
    }
}
