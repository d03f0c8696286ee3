using System.Net;
using Baken.Web.Api;
using Baken.Web.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Web.Hosting;

/// <summary>
/// Error answers by who asks: a browser (Accept: text/html, outside /api) gets a page in its language with a way
/// back; an API client gets RFC 9457 problem JSON as before. Also serves the favicon, kept in this assembly.
/// </summary>
public static class ErrorPages
{
    public static bool WantsHtml(HttpContext ctx) =>
        !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/openapi")
        && ctx.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static void UseBakenErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // No exception detail for anyone: it can carry data above the reader's clearance.
            ExceptionHandler = async ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
                if (WantsHtml(ctx)) await WritePageAsync(ctx, 500);
                else await WriteProblemAsync(ctx, "An error occurred while processing your request.");
            },
        });
        app.UseStatusCodePages(async status =>
        {
            var ctx = status.HttpContext;
            if (WantsHtml(ctx)) await WritePageAsync(ctx, ctx.Response.StatusCode);
            else await WriteProblemAsync(ctx, null);
        });
        app.MapGet("/favicon.svg", () => Results.Stream(typeof(ErrorPages).Assembly.GetManifestResourceStream("Baken.Web.favicon.svg")!, "image/svg+xml"))
            .ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).ExcludeFromDescription();
    }

    /// <summary>RFC 9457 problem JSON, whatever the client accepts (a client that accepts neither still learns what went wrong).</summary>
    private static Task WriteProblemAsync(HttpContext ctx, string? title)
    {
        var status = ctx.Response.StatusCode;
        return ResultResponses.Problem(status, title ?? ReasonPhrases.GetReasonPhrase(status), StatusDetail(status)).ExecuteAsync(ctx);
    }

    /// <summary>What an answer without a body of its own means; never anything of the request, which may carry codes.</summary>
    private static string StatusDetail(int status) => status switch
    {
        401 => "Sign in, or send an API token in the Authorization header ('Bearer …').",
        403 => "You may not do this.",
        404 => "There is nothing at this address that you may see.",
        405 => "This address does not answer this method.",
        413 => "The request is larger than this address accepts.",
        415 => "This address does not read a body of this media type.",
        429 => "Too many requests; wait a moment and try again.",
        >= 500 => "Nothing of the error is shown, as it may carry data above your clearance; the server's log has it.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    private static async Task WritePageAsync(HttpContext ctx, int status)
    {
        var ui = ctx.RequestServices.GetRequiredService<Ui>();
        var (title, text) = status switch
        {
            404 => (ui.T("error.404"), ui.T("error.404.text")),
            403 => (ui.T("error.403"), ui.T("error.403.text")),
            401 => (ui.T("error.401"), ui.T("error.401.text")),
            >= 500 => (ui.T("error.500"), ui.T("error.500.text")),
            _ => (ui.T("error.other"), ((HttpStatusCode)status).ToString()),
        };
        ctx.Response.ContentType = "text/html; charset=utf-8";
        var lang = Ui.IsEnglish ? "en" : "nl";
        await ctx.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            <title>{{status}} · {{WebUtility.HtmlEncode(title)}} · Baken</title>
            <style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2733;background:#f5f7f9;margin:0}main{max-width:40rem;margin:4rem auto;padding:0 1rem}a{color:#154273}.code{color:#5b6b7a;font-size:.9rem}</style>
            </head>
            <body><main>
            <p class="code">Baken · {{status}}</p>
            <h1>{{WebUtility.HtmlEncode(title)}}</h1>
            <p>{{WebUtility.HtmlEncode(text)}}</p>
            <p><a href="/">{{WebUtility.HtmlEncode(ui.T("error.home"))}}</a> · <a href="/signin">{{WebUtility.HtmlEncode(ui.T("nav.signin"))}}</a></p>
            </main></body></html>
            """);
    }
}
