using System.Globalization;
using Baken.Application.Common;
using Baken.Application.Signals;
using Baken.Domain;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure.Signals;

public sealed record FeedPollResult(string Feed, int Created, int AlreadyKnown, int SuggestedDuplicates, string? Problem);

/// <summary>
/// Polls RSS and Atom feeds: every enabled feed whose interval has passed (or the ones asked for), over HTTP(S) with a
/// time-out and a size limit, or from a file. New entries go to the review queue through the intake; the feed records
/// when it was polled and what happened, so a failing feed is visible on its page.
/// </summary>
public sealed class FeedPoller(IBakenDb db, SignalIntake intake, IHttpClientFactory clients, IOptions<FeedOptions> options, TimeProvider clock)
{
    /// <summary>The name of the feed client (<see cref="FeedAddressGuard"/> on every connection, the standard resilience handler).</summary>
    public const string ClientName = "feeds";

    public async Task<IReadOnlyList<FeedPollResult>> PollAsync(IReadOnlyList<string>? codes = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var feeds = await db.Feeds.Where(f => codes == null ? f.Enabled : codes.Contains(f.Code)).ToListAsync(ct);
        var results = new List<FeedPollResult>();
        foreach (var feed in feeds.Where(f => codes is not null || f.LastPolledUtc is null || f.LastPolledUtc.Value.AddMinutes(f.IntervalMinutes) <= now))
        {
            FeedPollResult result;
            try
            {
                await using var stream = await OpenAsync(feed.Url, ct);
                var parsed = FeedReader.Parse(stream, feed.Url);
                var tags = Application.Register.RecordFieldBuilder<Record>.SplitCodes(feed.Tags).ToList();
                var (signals, errors) = SignalSources.FromFeed(parsed, feed.Title, tags, DateOnly.FromDateTime(now), feed.Reliability);
                if (errors.Count > 0) result = new FeedPollResult(feed.Code, 0, 0, 0, errors[0].Allowed);
                else
                {
                    var outcome = await intake.HandleAsync(signals, feed.Code, ct);
                    result = outcome.IsOk
                        ? new FeedPollResult(feed.Code, outcome.Value!.Created, outcome.Value.AlreadyKnown, outcome.Value.SuggestedDuplicates, null)
                        : new FeedPollResult(feed.Code, 0, 0, 0, string.Join("; ", outcome.Errors.Take(3)));
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or UnauthorizedAccessException or InvalidDataException
                                          or Polly.Timeout.TimeoutRejectedException)
            {
                // The refusal of an internal address may arrive wrapped by the handler; its own words are the clearest.
                var reason = e.InnerException as FeedAddressRefusedException ?? e;
                result = new FeedPollResult(feed.Code, 0, 0, 0, $"cannot read {feed.Url}: {reason.Message.Split('\n')[0]}");
            }
            db.DiscardChanges();
            var stored = await db.Feeds.FirstAsync(f => f.Code == feed.Code, ct);
            stored.LastPolledUtc = now;
            stored.LastResult = result.Problem ?? $"{result.Created} new, {result.AlreadyKnown} known, {result.SuggestedDuplicates} possible duplicates";
            await db.SaveChangesAsync(ct);
            results.Add(result);
        }
        return results;
    }

    /// <summary>
    /// The feed's document: http or https only (a feed never reads the server's own files), from an address the guard
    /// allows, within the timeout, and never more than <see cref="FeedReader.MaxBytes"/> — counted while it streams in,
    /// so a body without a length (chunked) cannot fill the memory first.
    /// </summary>
    private async Task<Stream> OpenAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidDataException("a feed is read over http or https only");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var http = clients.CreateClient(ClientName);
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > FeedReader.MaxBytes)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the feed is larger than {FeedReader.MaxBytes:N0} bytes"));
        var buffer = new MemoryStream();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var chunk = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > FeedReader.MaxBytes)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the feed is larger than {FeedReader.MaxBytes:N0} bytes"));
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
