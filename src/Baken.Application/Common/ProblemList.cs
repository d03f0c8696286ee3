using System.Globalization;
namespace Baken.Application.Common;

/// <summary>
/// A long list of problems is shown as its first <see cref="MaxShown"/> plus a count of the rest: a file with a million bad
/// rows must not answer with a million lines (issue 13: 1.5 million error lines, 326 MB). Nothing is written either way;
/// fixing the first hundred and trying again shows the next.
/// </summary>
public static class ProblemList
{
    /// <summary>How many problems an answer lists (100).</summary>
    public const int MaxShown = 100;

    /// <summary>The problems to show, and how many more there are.</summary>
    public static (IReadOnlyList<FieldError> Shown, int Omitted) Cap(IReadOnlyList<FieldError> errors) =>
        errors.Count <= MaxShown ? (errors, 0) : (errors.Take(MaxShown).ToList(), errors.Count - MaxShown);

    /// <summary>The sentence that stands for the problems not listed.</summary>
    public static string OmittedText(int omitted) =>
        string.Create(CultureInfo.InvariantCulture, $"… and {omitted:N0} more problem(s), not listed; the first {MaxShown} are shown");
}
