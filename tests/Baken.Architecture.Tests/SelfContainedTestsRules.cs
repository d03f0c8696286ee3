using System.Text.RegularExpressions;

namespace Baken.Architecture.Tests;

/// <summary>
/// The newcomer's promise (README): 'dotnet test' passes on a clone with nothing beside it, and a test that cannot run
/// here is reported as skipped with its reason, never as passed. Checked on the test sources themselves.
/// </summary>
public sealed partial class SelfContainedTestsRules
{
    private static readonly string Root = FindRoot();

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    [Fact]
    public void NoCodeOrTest_ReadsTheSharedFolderBesideTheRepository()
    {
        var offenders = new[] { "src", "tests", "bench" }.SelectMany(Sources)
            .Where(p => SharedFolderRead().IsMatch(File.ReadAllText(p)))
            .Select(p => Path.GetRelativePath(Root, p)).ToList();
        offenders.ShouldBeEmpty("test data lives in tests/data; nothing may read the folder beside the repository or its environment variable");
    }

    [Fact]
    public void EveryTestThatMaySkip_IsASkippableTest()
    {
        // A SkipException thrown inside a plain [Fact] or [Theory] is reported as a failure, so a test on both databases
        // or in Chromium must carry the skippable attribute.
        var offenders = new List<string>();
        foreach (var path in Sources("tests"))
        {
            var text = File.ReadAllText(path);
            // Theories built from TestDatabase.Providers, directly or combined with other data, run a PostgreSQL case.
            if (text.Contains("TestDatabase.Providers", StringComparison.Ordinal) && PlainTheory().IsMatch(text))
                offenders.Add($"{Path.GetRelativePath(Root, path)}: [Theory] in a file whose theories run on TestDatabase.Providers");
            foreach (Match m in PlainFactWithBrowser().Matches(text)) offenders.Add($"{Path.GetRelativePath(Root, path)}: browser test with [Fact]");
        }
        offenders.ShouldBeEmpty("use [SkippableTheory] / [SkippableFact]");
    }

    [Fact]
    public void TestData_EveryFolderHasASourceNote()
    {
        var data = Path.Combine(Root, "tests", "data");
        foreach (var folder in Directory.GetDirectories(data))
            File.Exists(Path.Combine(folder, "SOURCE.txt")).ShouldBeTrue($"{Path.GetFileName(folder)} needs a SOURCE.txt (origin, licence)");
        var bytes = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        bytes.ShouldBeLessThan(5L * 1024 * 1024, "the repository's test data stays under 5 MB");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Baken.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Baken.slnx not found above " + AppContext.BaseDirectory);
    }

    // Written with character classes so that this rule's own source does not match what it looks for.
    [GeneratedRegex(@"BAKEN_SHAR[E]D_DATA|[.][.]/shar[e]d|shar[e]d/dat[a]")]
    private static partial Regex SharedFolderRead();

    [GeneratedRegex(@"^\s*\[Theory\]", RegexOptions.Multiline)]
    private static partial Regex PlainTheory();

    [GeneratedRegex(@"\[Fact\](?:(?!\[(?:Skippable)?(?:Fact|Theory)\]).)*?ChromiumOrSkip\(", RegexOptions.Singleline)]
    private static partial Regex PlainFactWithBrowser();
}
