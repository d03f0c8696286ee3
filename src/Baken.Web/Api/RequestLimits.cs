namespace Baken.Web.Api;

/// <summary>
/// How large a request body each API route takes: JSON bodies are small; a route that takes a file names its own limit
/// (the file's cap plus the multipart overhead). A larger body is refused with 413 while it arrives, before it is buffered.
/// </summary>
public static class RequestLimits
{
    /// <summary>A record, a review or a run request: 1 MB is far more than any of them.</summary>
    public const long JsonBodyBytes = 1024 * 1024;

    /// <summary>What a multipart form adds around its file (boundaries, headers, the other fields).</summary>
    public const long FormOverheadBytes = 1024 * 1024;
}
