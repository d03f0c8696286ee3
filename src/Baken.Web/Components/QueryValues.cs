using System.Globalization;
using Baken.Application.Common;
using Baken.Domain;
using Microsoft.AspNetCore.Http;

namespace Baken.Web.Components;

/// <summary>
/// Reads a page's query values as text and parses them here, so a value that is not what the page takes
/// (<c>?page=abc</c>) answers 400 with a message naming the parameter, instead of failing in the framework's binder (500).
/// </summary>
public sealed class QueryValues
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public int? Int(string name, string? text, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        _errors.Add(new FieldError(name, text, PageRules.WholeNumberRange.With(min, max)));
        return null;
    }

    public double? Number(string name, string? text, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max) return d;
        _errors.Add(new FieldError(name, text, PageRules.NumberRange.With(min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture))));
        return null;
    }

    public bool? Bool(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (bool.TryParse(text.Trim(), out var b)) return b;
        _errors.Add(new FieldError(name, text, PageRules.TrueFalse));
        return null;
    }

    /// <summary>A value the page cannot use for a reason of its own.</summary>
    public void Refuse(string name, string text, ValidationMessage allowed) => _errors.Add(new FieldError(name, text, allowed));

    /// <summary>True (and the response marked 400 Bad Request) when any value was refused.</summary>
    public bool Failed(HttpContext http)
    {
        if (_errors.Count == 0) return false;
        if (!http.Response.HasStarted) http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return true;
    }
}
