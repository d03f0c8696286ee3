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
/// Only its factories make one (the constructor is private), so a failure always carries a catalogue text or field errors,
/// never a plain-string message a Dutch page would show in English (MessagesAreCatalogueTextsTests).
/// </summary>
public sealed record Result<T>
{
    private Result(ResultStatus status, T? value, IReadOnlyList<FieldError> errors, string? message)
    {
        Status = status;
        Value = value;
        Errors = errors;
        Message = message;
    }

    public ResultStatus Status { get; private init; }
    public T? Value { get; private init; }
    public IReadOnlyList<FieldError> Errors { get; private init; }
    /// <summary>The English of <see cref="Text"/> (the API's and the CLI's words); "The input is not valid." over field errors.</summary>
    public string? Message { get; private init; }

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

    /// <summary>
    /// A batch refused row by row, nothing written: each refused row a problem in <see cref="Errors"/> (said in the reader's
    /// language), <paramref name="reason"/> the sentence over several; one row's refusal is its own problem (the English
    /// "Refused: …" for the API and the CLI, no catalogue text, so a page says only the row's problem).
    /// </summary>
    public static Result<T> RefusedRows(IReadOnlyList<FieldError> refusals, ValidationMessage reason) =>
        refusals.Count == 1
            ? new(ResultStatus.Forbidden, default, refusals, $"Refused: {refusals[0]}")
            : new(ResultStatus.Forbidden, default, refusals, reason.English) { Text = reason };

    /// <summary>
    /// The failure of a use case this one called, handed on: its status, problems and catalogue text unchanged, or said
    /// anew with <paramref name="message"/> (which may quote the first's as an argument).
    /// </summary>
    public static Result<T> Failed<TOther>(Result<TOther> failure, ValidationMessage? message = null) =>
        failure.IsOk ? throw new ArgumentException("An outcome that succeeded is no failure to hand on.", nameof(failure))
        : new(failure.Status, default, failure.Errors, message?.English ?? failure.Message) { Text = message ?? failure.Text };

    /// <summary>The same outcome without its summary line, for a host that says its own ("Nothing was imported:") before the problems.</summary>
    public Result<T> WithoutMessage() => this with { Message = null, Text = null };

    /// <summary>The most problems one answer lists: enough to fix a file in rounds, never an answer of millions of lines.</summary>
    public const int MaxListedErrors = 100;

    private static IReadOnlyList<FieldError> Capped(IReadOnlyList<FieldError> errors) =>
        errors.Count <= MaxListedErrors ? errors
            : [.. errors.Take(MaxListedErrors),
               new FieldError("problems", string.Create(CultureInfo.InvariantCulture, $"{errors.Count - MaxListedErrors:N0} more"),
                   AllowedTexts.ProblemsMore.With(MaxListedErrors, errors.Count))];
}
