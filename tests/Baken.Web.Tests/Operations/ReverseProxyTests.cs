using System.Collections.Concurrent;
using System.Net;
using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baken.Web.Tests.Operations;

/// <summary>
/// Behind a reverse proxy (ReverseProxy:KnownProxies / KnownNetworks): a trusted proxy's X-Forwarded-For and
/// X-Forwarded-Proto reach the sign-in limit, the sign-in log and the cookie; anyone else's are ignored, and by default
/// nobody is trusted, not even the loopback address the tests send from.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Password = RunningApp.BrowserPassword;

    private static async Task<RunningApp> StartAsync(LogSink? logs = null, params (string Key, string Value)[] settings) =>
        await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b =>
        {
            foreach (var (key, value) in settings) b.Configuration[key] = value;
            if (logs is null) return;
            b.Logging.AddProvider(logs);
            b.Logging.AddFilter<LogSink>("Baken.Web.Security.SignIn", LogLevel.Information);
        });

    private static async Task AddAnalystAsync(RunningApp app)
    {
        await using var db = app.Database.Context(FixedUser.System);
        (await new AddUser(db, FixedUser.System, TimeProvider.System).HandleAsync(new AddUserRequest("ana", "Ongerubriceerd", null, "Analyst", Password))).IsOk.ShouldBeTrue();
    }

    /// <summary>A browser-like client (cookies, no redirects followed) holding the sign-in form's antiforgery token.</summary>
    private static async Task<(HttpClient Client, string Token)> BrowserAsync(RunningApp app)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.Address };
        return (client, await RunningApp.AntiforgeryAsync(client, "/signin"));
    }

    /// <summary>Signs in as ana with the right password, or as an unknown account (which locks nothing) with any other.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string token, string password, string? forwardedFor = null, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = password == Password ? "ana" : "nobody", ["password"] = password, ["__RequestVerificationToken"] = token }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await client.SendAsync(request);
    }

    /// <summary>Spends the sign-in limit (10 a minute per address) with wrong passwords as one forwarded client.</summary>
    private static async Task SpendSignInLimitAsync(HttpClient client, string token, string forwardedFor)
    {
        for (var i = 0; i < 10; i++)
            (await SignInAsync(client, token, "wrong", forwardedFor)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInAsync(client, token, "wrong", forwardedFor)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TrustedProxy_ItsForwardedClientAddress_IsWhatTheSignInLimitAndLogCount()
    {
        var logs = new LogSink();
        await using var app = await StartAsync(logs, ("ReverseProxy:KnownProxies:0", "127.0.0.1"));
        await AddAnalystAsync(app);
        var (client, token) = await BrowserAsync(app);

        await SpendSignInLimitAsync(client, token, "203.0.113.5");

        // Another client behind the same proxy has a limit of its own.
        (await SignInAsync(client, token, Password, "203.0.113.6")).Headers.Location?.ToString().ShouldBe("/");
        logs.Messages.ShouldContain("Sign-in as nobody from 203.0.113.5 refused");
        logs.Messages.ShouldContain("ana signed in from 203.0.113.6");
    }

    [Fact]
    public async Task TrustedProxy_ForwardedHttps_MakesTheSignInCookieSecure()
    {
        await using var app = await StartAsync(null, ("ReverseProxy:KnownNetworks:0", "127.0.0.0/8"));
        await AddAnalystAsync(app);
        var (client, token) = await BrowserAsync(app);

        var signedIn = await SignInAsync(client, token, Password, "203.0.113.7", "https");

        signedIn.Headers.Location?.ToString().ShouldBe("/");
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("baken.auth=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
    }

    [Theory]
    [InlineData(null)] // the default: nobody is trusted
    [InlineData("10.0.0.1")] // a proxy is trusted, but the sender is not it
    public async Task UntrustedSender_ItsForwardedHeaders_AreIgnored(string? knownProxy)
    {
        var logs = new LogSink();
        await using var app = await StartAsync(logs, knownProxy is null ? [] : [("ReverseProxy:KnownProxies:0", knownProxy)]);
        await AddAnalystAsync(app);
        var (client, token) = await BrowserAsync(app);

        await SpendSignInLimitAsync(client, token, "203.0.113.5");

        // Claiming to be another client changes nothing: the limit counts the sender's own address.
        (await SignInAsync(client, token, Password, "203.0.113.6")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        logs.Messages.ShouldContain("Sign-in as nobody from 127.0.0.1 refused");
        logs.Messages.ShouldNotContain(m => m.Contains("203.0.113", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "10.0.0.300", "an IPv4 or IPv6 address")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.0.0.0/40", "CIDR")]
    [InlineData("ReverseProxy:ForwardLimit", "0", "from 1 to 10")]
    public async Task ABadSetting_StopsTheHostAtStart_NamingSettingValueAndWhatIsAllowed(string key, string value, string allowed)
    {
        var e = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var app = await StartAsync(null, (key, value));
        });
        e.Message.ShouldContain($"{key}: '{value}' is not allowed");
        e.Message.ShouldContain(allowed);
    }

    [Fact]
    public async Task UntrustedSender_ForwardedHttps_LeavesTheCookieAsTheConnectionIs()
    {
        await using var app = await StartAsync(null, ("ReverseProxy:KnownProxies:0", "10.0.0.1"));
        await AddAnalystAsync(app);
        var (client, token) = await BrowserAsync(app);

        var signedIn = await SignInAsync(client, token, Password, "203.0.113.7", "https");

        signedIn.Headers.Location?.ToString().ShouldBe("/");
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("baken.auth=", StringComparison.Ordinal)).ShouldNotContain("secure", Case.Insensitive);
    }

    /// <summary>Keeps every formatted log message of the host.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => _messages.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
