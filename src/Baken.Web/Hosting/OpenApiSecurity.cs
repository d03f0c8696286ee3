using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Baken.Web.Hosting;

/// <summary>
/// The two ways to call the API, declared in the OpenAPI document: a personal API token as a bearer token (scripts; see
/// /account/tokens) and the sign-in cookie (the browser). Every operation that requires a signed-in caller names both.
/// </summary>
public static class OpenApiSecurity
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    public const string CookieName = "baken.auth";

    public static OpenApiOptions AddBakenSecuritySchemes(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "Baken API token",
                Description = "A personal API token (read, or read and write) made on /account/tokens or with 'baken user token'.",
            };
            document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = CookieName,
                Description = "The sign-in cookie of the workbench; a write with it also carries the antiforgery token of the form it came from.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
            operation.Security ??= [];
            // Either one is enough: two requirements, each with one scheme.
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] });
            return Task.CompletedTask;
        });
        return options;
    }
}
