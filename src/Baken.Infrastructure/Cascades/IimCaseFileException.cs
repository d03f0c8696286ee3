namespace Baken.Infrastructure.Cascades;

/// <summary>
/// An IIM case file (the JSON or one of the CSV files it names) cannot be used; the message names the file, the
/// field or line, the offending value and what is allowed.
/// </summary>
public sealed class IimCaseFileException : Exception
{
    public IimCaseFileException(string filePath, string message, Exception? inner = null)
        : base($"{filePath}: {message}", inner)
    {
        FilePath = filePath;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }
}
