namespace Baken.Infrastructure.Files;

public enum RegisterFileFormat { Csv, Xlsx, Json }

public static class RegisterFileFormats
{
    public const string Allowed = "csv, xlsx or json (by --format or the file's extension)";

    public static bool TryFromName(string? name, out RegisterFileFormat format)
    {
        format = RegisterFileFormat.Csv;
        var ext = (name ?? "").Trim().TrimStart('.').ToLowerInvariant();
        if (ext.Contains('.')) ext = Path.GetExtension(ext).TrimStart('.');
        switch (ext)
        {
            case "csv": format = RegisterFileFormat.Csv; return true;
            case "xlsx": format = RegisterFileFormat.Xlsx; return true;
            case "json": format = RegisterFileFormat.Json; return true;
            default: return false;
        }
    }
}
