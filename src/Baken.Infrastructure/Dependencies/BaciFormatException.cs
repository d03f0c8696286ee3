namespace Baken.Infrastructure.Dependencies;

/// <summary>
/// A BACI file (trade flows or a dictionary) cannot be read; the message names the file, the line and column,
/// the offending value and what is allowed. Nothing read before the error is used.
/// </summary>
public sealed class BaciFormatException : Exception
{
    public BaciFormatException(string filePath, string message, Exception? inner = null)
        : base($"{filePath}: {message}", inner)
    {
        FilePath = filePath;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }
}
