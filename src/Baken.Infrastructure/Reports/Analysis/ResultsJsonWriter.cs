using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization;
using Baken.Methods.Risk;

namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>
/// Writes results.json: the whole <see cref="AnalysisResult"/> (settings echo, criteria, every scenario with consensus,
/// disagreement, Monte Carlo summary, rank distribution, sensitivity; the outranking matrix) in camelCase, enums as
/// names ("C", "Hazard"), indented. Only the result goes in, so the same seed gives the same file.
/// </summary>
public static class ResultsJsonWriter
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Escapes <, > and & so the JSON is safe to embed in HTML; other text stays readable (é, €).
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(AnalysisResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        JsonSerializer.Serialize(destination, result, Options);
    }

    public static string ToJson(AnalysisResult result) => JsonSerializer.Serialize(result, Options);

    /// <param name="marking">The run's marking (METHODS §10), written as the top-level member <c>marking</c> before the result's
    /// members (docs/formats.md §2.2); null writes the result alone.</param>
    public static void WriteFile(AnalysisResult result, string path, string? marking = null)
    {
        using var file = File.Create(path);
        if (marking is null)
        {
            Write(result, file);
            return;
        }
        var body = JsonSerializer.SerializeToNode(result, Options)!.AsObject();
        using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        Files.MarkedFiles.WithMarking(marking, body).WriteTo(writer, Options);
    }
}
