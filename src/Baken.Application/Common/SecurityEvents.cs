using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baken.Application.Common;

/// <summary>
/// The security events of the core, each with its own event id, for an operator's log or SIEM (docs/operations.md,
/// 'What to monitor'): sign-ins, locks, tokens, releases, declassifications and refusals. They carry user names, kinds,
/// levels and ids — never a record's title or content, so a log reader learns nothing above the platform's own marking.
/// </summary>
/// <remarks>
/// Static because the use cases that raise them are made by hand as often as by the container (the CLI, the job
/// worker, tests); each host points <see cref="Log"/> at its logging once at start, and until then nothing is written.
/// </remarks>
public sealed partial class SecurityEvents(ILogger logger)
{
    public const string Category = "Baken.Security";

    public static SecurityEvents Log { get; private set; } = new(NullLogger.Instance);

    private static ILoggerFactory? _factory;

    /// <summary>Writes the events to <paramref name="factory"/>'s loggers under <see cref="Category"/>.</summary>
    public static void Use(ILoggerFactory factory)
    {
        Log = new SecurityEvents(factory.CreateLogger(Category));
        _factory = factory;
    }

    /// <summary>A host that stops takes its loggers back (unless another host has set its own since), so nothing writes to a disposed one.</summary>
    public static void Release(ILoggerFactory factory)
    {
        if (ReferenceEquals(Interlocked.CompareExchange(ref _factory, null, factory), factory)) Log = new SecurityEvents(NullLogger.Instance);
    }

    private readonly ILogger _logger = logger;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Sign-in: {UserName} signed in")]
    public partial void SignedIn(string userName);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Sign-in: refused for the name {UserName} (unknown, locked, without password or wrong password)")]
    public partial void SignInRefused(string userName);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Sign-in: the account {UserName} is locked after too many failed sign-ins")]
    public partial void AccountLocked(string userName);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Token: {Actor} made the token '{TokenName}' for {UserName} with scopes {Scopes}")]
    public partial void TokenIssued(string actor, string userName, string tokenName, string scopes);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Token: {Actor} revoked {Count} token(s) of {UserName}")]
    public partial void TokensRevoked(string actor, string userName, int count);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Release: {Actor} released a {ProductKind} product to the audience {Audience} at level {Level} (release {ReleaseId})")]
    public partial void Released(string actor, string productKind, string audience, string level, Guid releaseId);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "Declassification: {Actor} lowered a {Kind} record ({RecordId}) from {From} to {To}")]
    public partial void Declassified(string actor, string kind, Guid recordId, string from, string to);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "Refused: {Actor} on {Surface} {Method} {Route}")]
    public partial void Refused(string actor, string surface, string method, string route);
}
