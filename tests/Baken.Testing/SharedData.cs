namespace Baken.Testing;

/// <summary>
/// Locates the test data kept in the repository (tests/data, each folder with a SOURCE.txt naming origin and licence),
/// so that the tests need nothing beside the clone.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The absolute path of <paramref name="relativePath"/> below tests/data.</summary>
    public static string File(string relativePath)
    {
        var path = Path.Combine(Root.Value, relativePath);
        if (!System.IO.File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Test data file '{relativePath}' not found under {Root.Value}.", path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data");
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Baken.slnx")) && Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/data not found in a folder holding Baken.slnx above " + AppContext.BaseDirectory + ".");
    }
}
