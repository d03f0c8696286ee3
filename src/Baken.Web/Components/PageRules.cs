using Baken.Domain;

namespace Baken.Web.Components;

/// <summary>
/// What the pages' own inputs (query values, form fields that no use case reads) may be, as catalogue texts: Dutch pages
/// say them in Dutch (Ui.resx by key), English pages in the English written here. The catalogue test reads them too.
/// </summary>
public static class PageRules
{
    public static readonly MessageTemplate WholeNumberRange = new("allowed.page.wholenumberrange", "a whole number from {0} to {1}");
    /// <summary>The bounds come in invariant form: the text asks for '.' as the decimal separator in every language.</summary>
    public static readonly MessageTemplate NumberRange = new("allowed.page.numberrange", "a number from {0} to {1} with '.' as decimal separator");
    public static readonly MessageTemplate TrueFalse = new("allowed.page.truefalse", "true or false");
    public static readonly MessageTemplate WholeNumber = new("allowed.page.wholenumber", "a whole number");
    public static readonly MessageTemplate Iterations = new("allowed.page.iterations", "a whole number from 0 to {0:N0}");
    public static readonly MessageTemplate Budget = new("allowed.page.budget", "an amount such as 500m, 1.2bn or 750k (a bare number is millions of euros)");
    public static readonly MessageTemplate MostBytes = new("allowed.page.mostbytes", "at most {0:N0} bytes");
    public static readonly MessageTemplate TokenDays = new("allowed.page.tokendays", "a whole number of days from 1 to {0}, or empty for {0} days");
    public static readonly MessageTemplate VitalProcess = new("allowed.page.vitalprocess", "the code of a vital process of the network");
    public static readonly MessageTemplate CriterionScore = new("allowed.page.criterionscore", "X (no impact), a class A–E, a range such as B-D~C, or a quantity");

    /// <summary>A use case's answer as a sentence ending in '.', so the page frames it as an explanation.</summary>
    public static ValidationMessage Sentence(ValidationMessage message) =>
        message.IsVerbatim ? ValidationMessage.Verbatim(message.English.TrimEnd('.') + ".") : message;
}
