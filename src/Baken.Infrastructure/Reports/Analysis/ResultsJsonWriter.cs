using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization;
using Baken.Analysis.Risk;

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

    public static void WriteFile(AnalysisResult result, string path)
    {
        using var file = File.Create(path);
        Write(result, file);
    }
}
