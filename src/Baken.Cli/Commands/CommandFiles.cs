using System.Globalization;

namespace Baken.Cli.Commands;

/// <summary>Checks on the files a command reads, shared by the commands that read them.</summary>
internal static class CommandFiles
{
    /// <summary>Refuses a file larger than <paramref name="max"/> bytes before it is read, naming the option and the size.</summary>
    public static void RefuseLargerThan(string path, string field, long max)
    {
        var length = new FileInfo(path).Length;
        if (length > max) throw new CliException(ExitCodes.Invalid, string.Create(CultureInfo.InvariantCulture, $"{field}: '{Path.GetFileName(path)}' is {length:N0} bytes; allowed: at most {max:N0} bytes"));
    }
}
