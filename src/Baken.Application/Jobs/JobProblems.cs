using System.Text.Json;
using System.Text.Json.Nodes;
using Baken.Application.Common;
using Baken.Domain;

namespace Baken.Application.Jobs;

/// <summary>
/// A failed job's problems kept in its row as JSON (<see cref="Domain.Jobs.BackgroundJob.Problems"/>): each a field error
/// (field, value, line) or a plain reason (no field), its message as key, English format and arguments, so that a page
/// can say it in its reader's language long after the job ended. Arguments are text, whole or decimal numbers, or
/// messages of their own.
/// </summary>
public static class JobProblems
{
    /// <summary>The field a plain reason is kept under: it names no value and is shown as its message alone.</summary>
    public const string NoField = "";

    public static string Write(IReadOnlyList<FieldError> problems) => new JsonArray([.. problems.Select(p => (JsonNode)new JsonObject
    {
        ["field"] = p.Field, ["value"] = p.Value, ["line"] = p.Line, ["message"] = Write(p.Message),
    })]).ToJsonString();

    /// <summary>The problems kept in <paramref name="json"/>; none for a job without (one from before they were kept, or not failed).</summary>
    public static IReadOnlyList<FieldError> Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        return JsonNode.Parse(json)!.AsArray().Select(n => new FieldError((string)n!["field"]!, (string)n["value"]!,
            Read(n["message"]!), (int?)n["line"])).ToList();
    }

    /// <summary>The English line of a problem, as <see cref="Domain.Jobs.BackgroundJob.Reason"/> holds it.</summary>
    public static string English(FieldError problem) => problem.Field == NoField ? problem.Allowed : problem.ToString();

    /// <summary>
    /// The problems kept in <paramref name="json"/> followed by <paramref name="more"/>, as JSON (null when there are none): a
    /// job's notes accumulate like its <c>Reason</c> lines (a restart, then a failure).
    /// </summary>
    public static string? Append(string? json, IReadOnlyList<FieldError>? more) =>
        Read(json).Concat(more ?? []).ToList() is { Count: > 0 } all ? Write(all) : null;

    /// <summary>A plain reason (no field): a message the job's use case or the worker gave.</summary>
    public static FieldError Plain(ValidationMessage message) => new(NoField, "", message);

    private static JsonObject Write(ValidationMessage m) => new()
    {
        ["key"] = m.Key, ["format"] = m.Template.English,
        ["args"] = new JsonArray([.. m.Args.Select(a => a switch
        {
            ValidationMessage nested => Write(nested),
            MessageTemplate word => Write((ValidationMessage)word), // a catalogue word ("edit") stays translatable
            DateTime moment => new JsonObject { ["utc"] = moment.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
            int or long or short => JsonValue.Create(Convert.ToInt64(a, System.Globalization.CultureInfo.InvariantCulture)),
            double or float or decimal => JsonValue.Create(Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture)),
            _ => (JsonNode)JsonValue.Create(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture))!,
        })]),
    };

    private static ValidationMessage Read(JsonNode node) =>
        new(new MessageTemplate((string)node["key"]!, (string)node["format"]!), [.. node["args"]!.AsArray().Select(Argument)]);

    private static object Argument(JsonNode? a) => a switch
    {
        JsonObject { } moment when moment.ContainsKey("utc") =>
            DateTime.Parse((string)moment["utc"]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind),
        JsonObject nested => Read(nested),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue<long>(out var whole) ? whole : v.GetValue<double>(),
        _ => (string?)a ?? "",
    };
}
