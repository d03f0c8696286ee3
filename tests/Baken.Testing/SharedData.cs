namespace Baken.Testing;

/// <summary>
/// Locates the project's shared data folder (../shared/data beside the repository), where the real
/// reference data lives. Tests read it from there instead of copying it into the repository.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The absolute path of <paramref name="relativePath"/> below shared/data.</summary>
    public static string File(string relativePath)
    {
        var path = Path.Combine(Root.Value, relativePath);
        if (!System.IO.File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Shared data file '{relativePath}' not found under {Root.Value}.", path);
        return path;
    }

    /// <summary>The absolute path of shared/ (the folder holding data/, seeds/ and checks/).</summary>
    public static string SharedFolder => Path.GetDirectoryName(Root.Value)!;

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("BAKEN_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            "shared/data not found above " + AppContext.BaseDirectory + "; set BAKEN_SHARED_DATA to its path.");
    }
}
