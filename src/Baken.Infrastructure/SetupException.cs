namespace Baken.Infrastructure;

/// <summary>
/// Baken cannot work as it is set up: a database setting, a client tool it needs, or the default catalogue. Not a bug and
/// not a user's bad request, but something the operator must fix; the message names the setting or file and what is
/// allowed, so hosts show it as it is (the command line exits 2, invalid input, instead of 1, unexpected).
/// </summary>
public sealed class SetupException(string message) : InvalidOperationException(message);
