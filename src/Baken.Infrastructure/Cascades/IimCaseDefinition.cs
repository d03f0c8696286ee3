using System.Text.Json;
using Baken.Methods.Cascades;

namespace Baken.Infrastructure.Cascades;

/// <summary>How the matrix file of a case is laid out ("amatrix_type").</summary>
public enum IimMatrixSource
{
    /// <summary>"interdependency": A* given densely.</summary>
    Interdependency,

    /// <summary>"sparse_interdependency": A* given as zero-based (i, j, value) rows.</summary>
    SparseInterdependency,

    /// <summary>"input-output": an IO table whose last row holds the total outputs x_j.</summary>
    InputOutput,
}

/// <summary>
/// A parsed IIM case file in the stigrs/diim JSON format: a "DIIM" object (amatrix_type, calc_mode, amat_file,
/// kmat_file, tau_file, q0_file, lambda, time_steps) and an optional "Perturbation" object (pinfra, cvalue, ptime).
/// File names are resolved against the JSON file's folder.
/// </summary>
public sealed record IimCaseDefinition(
    string CaseFile,
    IimMatrixSource MatrixSource,
    IimPerspective Perspective,
    string MatrixFile,
    string? ResilienceFile,
    string? RecoveryTimeFile,
    string? InitialStateFile,
    double ResidualInoperability,
    int TimeSteps,
    IReadOnlyList<IimCaseShock> Shocks)
{
    /// <summary>A dynamic case has time steps; otherwise the static model answers.</summary>
    public bool IsDynamic => TimeSteps > 0;

    /// <summary>Reads and validates the JSON; does not open the files it names.</summary>
    public static IimCaseDefinition Read(string caseJsonPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseJsonPath);
        if (!File.Exists(caseJsonPath))
            throw new IimCaseFileException(caseJsonPath, "case file not found.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(caseJsonPath),
                new JsonDocumentOptions { AllowDuplicateProperties = false, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new IimCaseFileException(caseJsonPath, $"not valid JSON ({e.Message}).", e);
        }
        using (document)
        {
            return Parse(caseJsonPath, document.RootElement);
        }
    }

    private static IimCaseDefinition Parse(string path, JsonElement root)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("DIIM", out var diim) || diim.ValueKind != JsonValueKind.Object)
            throw new IimCaseFileException(path, "field 'DIIM' is missing or not an object.");

        var typeText = OptionalString(path, diim, "DIIM.amatrix_type") ?? "interdependency";
        var source = typeText switch
        {
            "interdependency" => IimMatrixSource.Interdependency,
            "sparse_interdependency" => IimMatrixSource.SparseInterdependency,
            "input-output" => IimMatrixSource.InputOutput,
            _ => throw new IimCaseFileException(path,
                $"field 'DIIM.amatrix_type' = '{typeText}' is not allowed; use interdependency, sparse_interdependency or input-output."),
        };
        var modeText = OptionalString(path, diim, "DIIM.calc_mode") ?? "demand";
        var perspective = modeText.ToLowerInvariant() switch
        {
            "demand" => IimPerspective.Demand,
            "supply" => IimPerspective.Supply,
            _ => throw new IimCaseFileException(path, $"field 'DIIM.calc_mode' = '{modeText}' is not allowed; use demand or supply."),
        };
        var matrixFile = OptionalString(path, diim, "DIIM.amat_file")
            ?? throw new IimCaseFileException(path, "field 'DIIM.amat_file' is missing; it names the matrix CSV.");
        var lambda = OptionalNumber(path, diim, "DIIM.lambda") ?? 0.01;
        if (!(lambda > 0 && lambda < 1))
            throw new IimCaseFileException(path, $"field 'DIIM.lambda' = {lambda} must lie strictly between 0 and 1.");
        var stepsValue = OptionalNumber(path, diim, "DIIM.time_steps") ?? 0;
        if (stepsValue < 0 || stepsValue != Math.Floor(stepsValue) || stepsValue > 1_000_000)
            throw new IimCaseFileException(path, $"field 'DIIM.time_steps' = {stepsValue} must be a whole number in [0, 1000000].");
        var steps = (int)stepsValue;

        var shocks = root.TryGetProperty("Perturbation", out var perturbation)
            ? ParseShocks(path, perturbation, steps)
            : [];

        return new IimCaseDefinition(
            Path.GetFullPath(path), source, perspective, Resolve(path, folder, "DIIM.amat_file", matrixFile),
            OptionalString(path, diim, "DIIM.kmat_file") is { } k ? Resolve(path, folder, "DIIM.kmat_file", k) : null,
            OptionalString(path, diim, "DIIM.tau_file") is { } tau ? Resolve(path, folder, "DIIM.tau_file", tau) : null,
            OptionalString(path, diim, "DIIM.q0_file") is { } q0 ? Resolve(path, folder, "DIIM.q0_file", q0) : null,
            lambda, steps, shocks);
    }

    private static IReadOnlyList<IimCaseShock> ParseShocks(string path, JsonElement perturbation, int steps)
    {
        if (perturbation.ValueKind != JsonValueKind.Object)
            throw new IimCaseFileException(path, "field 'Perturbation' must be an object.");
        var sectors = Array(path, perturbation, "pinfra");
        var values = Array(path, perturbation, "cvalue");
        if (sectors.Count != values.Count)
            throw new IimCaseFileException(path,
                $"'Perturbation.pinfra' lists {sectors.Count} sectors but 'Perturbation.cvalue' {values.Count} values; they must pair up.");
        var windows = perturbation.TryGetProperty("ptime", out _) ? Array(path, perturbation, "ptime") : null;
        if (windows is not null && windows.Count != sectors.Count)
            throw new IimCaseFileException(path,
                $"'Perturbation.ptime' has {windows.Count} windows for {sectors.Count} perturbed sectors; give one [first, last] per sector.");

        var shocks = new List<IimCaseShock>();
        for (var i = 0; i < sectors.Count; i++)
        {
            if (sectors[i].ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sectors[i].GetString()))
                throw new IimCaseFileException(path, $"'Perturbation.pinfra[{i}]' = {sectors[i].GetRawText()} must be a sector name.");
            if (values[i].ValueKind != JsonValueKind.Number || !values[i].TryGetDouble(out var c) || !double.IsFinite(c) || c < 0 || c > 1)
                throw new IimCaseFileException(path, $"'Perturbation.cvalue[{i}]' = {values[i].GetRawText()} must be a number in [0, 1].");
            PerturbationWindow? window = null;
            if (windows is not null)
            {
                var w = windows[i];
                if (w.ValueKind != JsonValueKind.Array || w.GetArrayLength() != 2
                    || !w[0].TryGetInt32(out var first) || !w[1].TryGetInt32(out var last) || first < 0 || last < first)
                    throw new IimCaseFileException(path,
                        $"'Perturbation.ptime[{i}]' = {w.GetRawText()} must be [first, last] with 0 ≤ first ≤ last (time steps, both included).");
                window = new PerturbationWindow(first, last);
            }
            shocks.Add(new IimCaseShock(sectors[i].GetString()!, c, window));
        }
        return shocks;
    }

    private static IReadOnlyList<JsonElement> Array(string path, JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element))
            throw new IimCaseFileException(path, $"field 'Perturbation.{name}' is missing.");
        if (element.ValueKind != JsonValueKind.Array)
            throw new IimCaseFileException(path, $"field 'Perturbation.{name}' = {element.GetRawText()} must be an array.");
        return element.EnumerateArray().ToList();
    }

    private static string? OptionalString(string path, JsonElement parent, string dottedName)
    {
        var name = dottedName[(dottedName.IndexOf('.') + 1)..];
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            throw new IimCaseFileException(path, $"field '{dottedName}' = {element.GetRawText()} must be a non-empty string.");
        return element.GetString();
    }

    private static double? OptionalNumber(string path, JsonElement parent, string dottedName)
    {
        var name = dottedName[(dottedName.IndexOf('.') + 1)..];
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value))
            throw new IimCaseFileException(path, $"field '{dottedName}' = {element.GetRawText()} must be a number.");
        return value;
    }

    /// <summary>
    /// A file the case names, confined to the case's own folder (or below): a case file cannot make Baken read, and
    /// echo in its errors, a file elsewhere such as ../../etc/passwd or an absolute path.
    /// </summary>
    private static string Resolve(string path, string folder, string field, string file)
    {
        var full = Path.GetFullPath(Path.Combine(folder, file));
        var root = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new IimCaseFileException(path, $"field '{field}' = '{file}' must name a file in the case's own folder.");
        return full;
    }
}

/// <summary>One perturbed sector of a case: c* and, for dynamic runs, its window (null = the whole run).</summary>
public sealed record IimCaseShock(string Sector, double DemandReduction, PerturbationWindow? Window);
