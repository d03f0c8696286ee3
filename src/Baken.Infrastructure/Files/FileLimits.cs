using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Baken.Domain;
using Microsoft.Extensions.Configuration;

namespace Baken.Infrastructure.Files;

/// <summary>
/// How much an uploaded or imported package (XLSX is a ZIP) may hold, checked before a reader opens it: configuration
/// section <c>Limits</c>, the same for the web host and the command line, validated when either starts.
/// </summary>
public sealed class FileLimits
{
    public const string Section = "Limits";

    /// <summary>The most an XLSX/ZIP may unpack to, in bytes. Default 50 MB (52,428,800): the register is thousands of rows, not millions. 1 KB to 4 GB.</summary>
    [Range(1024L, 4L * 1024 * 1024 * 1024)]
    public long MaxDecompressedBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most entries an XLSX/ZIP may hold. Default 1,000 (a workbook has a few dozen parts). 1 to 100,000.</summary>
    [Range(1, 100_000)]
    public int MaxZipEntries { get; set; } = 1_000;

    public static readonly FileLimits Default = new();

    /// <summary>The limits of a configuration, validated; a bad value is refused naming the setting, its value and the range.</summary>
    public static FileLimits From(IConfiguration configuration)
    {
        var limits = new FileLimits();
        configuration.GetSection(Section).Bind(limits);
        var problems = Validate(limits);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
        return limits;
    }

    /// <summary>Each setting outside its range, as "Limits:Name: 'value' is not allowed; allowed: …".</summary>
    public static IReadOnlyList<string> Validate(FileLimits limits)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(limits, new ValidationContext(limits), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(m =>
        {
            var property = typeof(FileLimits).GetProperty(m)!;
            var range = (RangeAttribute)property.GetCustomAttributes(typeof(RangeAttribute), false)[0];
            return FieldProblem.Describe($"{Section}:{m}", string.Create(CultureInfo.InvariantCulture, $"{property.GetValue(limits)}"),
                string.Create(CultureInfo.InvariantCulture, $"a whole number from {range.Minimum:N0} to {range.Maximum:N0}"));
        })).ToList();
    }
}
