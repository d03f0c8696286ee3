using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Baken.Web.Tests;

/// <summary>
/// The test host's errors, kept so a test that meets a 500 says why: the host answers every client without exception
/// detail (it can carry classified data), and CI's minimal output drops the console log.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public string Describe() => _entries.IsEmpty ? "(the server logged no error)" : string.Join(Environment.NewLine, _entries.TakeLast(5));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ServerErrors owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner._entries.Enqueue($"[{logLevel} {category}] {formatter(state, exception)}{Environment.NewLine}{exception}");
        }
    }

    /// <summary>Turns a 500 answer (an unexpected failure; a 503 from health or a limit is an answer) into a failure that carries what the server logged.</summary>
    public sealed class Handler(ServerErrors errors, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.InternalServerError)
                throw new HttpRequestException($"{request.Method} {request.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}; the server logged:{Environment.NewLine}{errors.Describe()}",
                    null, response.StatusCode);
            return response;
        }
    }
}
