using System.Globalization;
using Baken.Domain;
namespace Baken.Application.Common;

public enum ResultStatus { Ok, NotFound, Invalid, Conflict, Forbidden }

/// <summary>
/// What is wrong with one value: the field, the value given and what is allowed (<see cref="Message"/>, a catalogue key
/// with arguments that hosts translate; <see cref="Allowed"/> is its English text); the line for file imports.
/// </summary>
public sealed record FieldError(string Field, string Value, ValidationMessage Message, int? Line = null)
{
    /// <summary>The problem a domain rule reported, on the given line of a file.</summary>
    public static FieldError From(DomainValidationException e, int? line = null) => new(e.Field, e.Value, e.Allowed, line);

    /// <summary>What is allowed, in English (the CLI's and the API's words).</summary>
    public string Allowed => Message.English;

    public override string ToString() => FieldProblem.Describe(Field, Value, Allowed, Line);

    // Two errors are the same when they say the same: the key is how a text is translated, not what it says.
    public bool Equals(FieldError? other) =>
        other is not null && Field == other.Field && Value == other.Value && Line == other.Line && Allowed == other.Allowed;

    public override int GetHashCode() => HashCode.Combine(Field, Value, Line, Allowed);
}

/// <summary>
/// The outcome of a use case. Expected failures are values, not exceptions; the web layer maps them to
/// RFC 9457 problem details and the CLI to exit codes in exactly one place each.
/// </summary>
public sealed record Result<T>(ResultStatus Status, T? Value, IReadOnlyList<FieldError> Errors, string? Message)
{
    public bool IsOk => Status == ResultStatus.Ok;

    /// <summary><see cref="Message"/> as a catalogue text that hosts translate; null for a message not in the catalogue (yet).</summary>
    public ValidationMessage? Text { get; init; }

    /// <summary>The message for a page: the catalogue text, or the English <see cref="Message"/> as written.</summary>
    public ValidationMessage Said => Text ?? ValidationMessage.Verbatim(Message ?? "");

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, [], null);
    /// <summary>
    /// Not found — also what a caller gets for a record above their clearance, so its existence is not revealed — said with
    /// a catalogue text (the English for the API and the CLI, the key for pages). There is no plain-string overload of this,
    /// <see cref="Conflict"/> or <see cref="Forbidden"/>: a Dutch page would show the English (MessagesAreCatalogueTextsTests).
    /// </summary>
    public static Result<T> NotFound(ValidationMessage message) => new(ResultStatus.NotFound, default, [], message.English) { Text = message };
    /// <summary>Bad input. A list longer than <see cref="MaxListedErrors"/> keeps its first problems and says how many more there are.</summary>
    public static Result<T> Invalid(IReadOnlyList<FieldError> errors) => new(ResultStatus.Invalid, default, Capped(errors), "The input is not valid.");
    public static Result<T> Invalid(FieldError error) => Invalid([error]);
    /// <summary>A conflict whose reason is in the catalogue: the English for the API and the CLI, the key for pages.</summary>
    public static Result<T> Conflict(ValidationMessage reason, T? current = default) => new(ResultStatus.Conflict, current, [], reason.English) { Text = reason };
    /// <summary>A refusal whose reason is in the catalogue: the English for the API and the CLI, the key for pages.</summary>
    public static Result<T> Forbidden(ValidationMessage reason) => new(ResultStatus.Forbidden, default, [], reason.English) { Text = reason };

    /// <summary>The most problems one answer lists: enough to fix a file in rounds, never an answer of millions of lines.</summary>
    public const int MaxListedErrors = 100;

    private static IReadOnlyList<FieldError> Capped(IReadOnlyList<FieldError> errors) =>
        errors.Count <= MaxListedErrors ? errors
            : [.. errors.Take(MaxListedErrors),
               new FieldError("problems", string.Create(CultureInfo.InvariantCulture, $"{errors.Count - MaxListedErrors:N0} more"),
                   AllowedTexts.ProblemsMore.With(MaxListedErrors, errors.Count))];
}
