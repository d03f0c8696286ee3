using System.Net.Http.Headers;
using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests;

/// <summary>The real web host on a free loopback port over a fresh database of one provider.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private RunningApp(WebApplication app, TestDatabase database, Uri address, bool ownsDatabase, ServerErrors errors)
    {
        App = app;
        Errors = errors;
        Database = database;
        Address = address;
        _ownsDatabase = ownsDatabase;
    }

    public WebApplication App { get; }
    public TestDatabase Database { get; }
    public Uri Address { get; }

    /// <summary>What the host logged at Error; the clients this class makes fail with it on a 500 answer.</summary>
    public ServerErrors Errors { get; }

    public static async Task<RunningApp> StartAsync(DatabaseProvider provider, bool catalogue = false, Action<WebApplicationBuilder>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider, initialise: catalogue);
        return await StartOnAsync(database, configure, ownsDatabase: true);
    }

    /// <summary>Another node on the same database (the first node's owner disposes the database).</summary>
    public static async Task<RunningApp> StartOnAsync(TestDatabase database, Action<WebApplicationBuilder>? configure = null, bool ownsDatabase = false)
    {
        var errors = new ServerErrors();
        var app = BakenWebApp.Build([], database.Options, "http://127.0.0.1:0", b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Logging.AddProvider(errors);
            // Tests run the early-warning round themselves when they need it, so it never races their writes.
            b.Configuration["Feeds:PollingEnabled"] = "false";
            configure?.Invoke(b);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, database, new Uri(address), ownsDatabase, errors);
    }

    /// <summary>Adds a user with the given clearance and compartments and returns a client that carries their API token.</summary>
    /// <remarks>The default role is Coordinator, the role that keeps the register (docs/security.md); the permission sweep names others.</remarks>
    public async Task<HttpClient> ClientForAsync(string name, ClassificationLevel clearance, string compartments = "", string roles = "Coordinator",
        string scopes = "read;write", string? organisation = null)
    {
        await using var db = Database.Context(FixedUser.System);
        var added = await new AddUser(db, FixedUser.System, TimeProvider.System).HandleAsync(new AddUserRequest(name, clearance.DisplayName(), compartments, roles, Organisation: organisation));
        if (!added.IsOk) throw new InvalidOperationException(string.Join("; ", added.Errors));
        // A person mints their own token (docs/security.md).
        var self = new FixedUser(name, clearance, (await db.Users.AsNoTracking().FirstAsync(u => u.UserName == name)).CompartmentMask, added.Value!.Roles.ToList());
        var minted = await new ApiTokens(db, self, TimeProvider.System).CreateAsync(name, "test", scopes);
        if (!minted.IsOk) throw new InvalidOperationException(minted.Message + string.Join("; ", minted.Errors));
        var token = minted.Value;
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public const string BrowserPassword = "Sleutel-beheer-2026!";

    /// <summary>Adds a user with a password and returns a client signed in through the form, with a cookie, as a browser is.</summary>
    public async Task<HttpClient> SignedInClientAsync(string name, ClassificationLevel clearance, string roles = "Analyst", string? organisation = null)
    {
        await using (var db = Database.Context(FixedUser.System))
        {
            var added = await new AddUser(db, FixedUser.System, TimeProvider.System).HandleAsync(new AddUserRequest(name, clearance.DisplayName(), null, roles, BrowserPassword, Organisation: organisation));
            if (!added.IsOk) throw new InvalidOperationException(string.Join("; ", added.Errors));
        }
        var client = new HttpClient(new ServerErrors.Handler(Errors, new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })) { BaseAddress = Address };
        var signIn = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = name, ["password"] = BrowserPassword, ["__RequestVerificationToken"] = await AntiforgeryAsync(client, "/signin") }));
        if (signIn.Headers.Location?.ToString() != "/") throw new InvalidOperationException("Sign-in failed: " + signIn.Headers.Location);
        return client;
    }

    /// <summary>The antiforgery token a page's form carries.</summary>
    public static async Task<string> AntiforgeryAsync(HttpClient client, string page) =>
        System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    public HttpClient Anonymous() => new(new ServerErrors.Handler(Errors, new HttpClientHandler())) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}
