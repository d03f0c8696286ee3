using System.Text.Json;
using System.Text.Json.Nodes;
using Baken.Application.Catalogue;
using Baken.Application.Common;

namespace Baken.Infrastructure.Catalogue;

/// <summary>Reads and writes the catalogue folder: one JSON file per kind, { "kind", "description", "items": [ … ] }.</summary>
public static class CatalogueDirectory
{
    /// <summary>The catalogue shipped beside the program (copied from the repository's catalog/ at build time).</summary>
    public static string Default => Path.Combine(AppContext.BaseDirectory, "catalog");

    public static (IReadOnlyList<CatalogueFile> Files, IReadOnlyList<FieldError> Errors) Read(string folder)
    {
        if (!Directory.Exists(folder)) return ([], [new FieldError("folder", folder, AllowedTexts.CatalogueExistingFolderCatalogueJson)]);
        var files = new List<CatalogueFile>();
        var errors = new List<FieldError>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                if (root is not JsonObject obj || obj["items"] is not JsonArray items)
                {
                    errors.Add(new FieldError(name, "(no items)", AllowedTexts.CatalogueObjectItemsArray));
                    continue;
                }
                var list = new List<JsonObject>();
                var n = 0;
                foreach (var item in items)
                {
                    n++;
                    if (item is JsonObject o && LoadCatalogue.Str(o, "code") is not null) list.Add(o);
                    else errors.Add(new FieldError($"{name} item {n}", item?.ToJsonString() ?? "null", AllowedTexts.CatalogueObjectCode));
                }
                files.Add(new CatalogueFile(Path.GetFileNameWithoutExtension(path), LoadCatalogue.Str(obj, "description"), list));
            }
            catch (JsonException e)
            {
                errors.Add(new FieldError(name, $"line {e.LineNumber + 1}, position {e.BytePositionInLine}", AllowedTexts.CatalogueWellFormedJson));
            }
        }
        return (files, errors);
    }

    public static void Write(string folder, IEnumerable<CatalogueFile> files)
    {
        Directory.CreateDirectory(folder);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var file in files)
        {
            var doc = new JsonObject
            {
                ["kind"] = file.Kind,
                ["description"] = file.Description,
                ["items"] = new JsonArray(file.Items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
            };
            File.WriteAllText(Path.Combine(folder, file.Kind + ".json"), doc.ToJsonString(options) + "\n");
        }
    }
}
