namespace Baken.Application.Common;

public enum ResultStatus { Ok, NotFound, Invalid, Conflict, Forbidden }

/// <summary>What is wrong with one value: the field, the value given and what is allowed; the line for file imports.</summary>
public sealed record FieldError(string Field, string Value, string Allowed, int? Line = null)
{
    public override string ToString() =>
        (Line is { } l ? $"line {l}: " : "") + $"{Field}: '{Baken.Domain.DomainValidationException.Shorten(Value)}'" +
        // Some rules explain themselves in a sentence ("Unknown classification; allowed: …"); others name what is allowed.
        (Allowed.EndsWith('.') ? $" — {Allowed}" : $" is not allowed; allowed: {Allowed}");
}

/// <summary>
/// The outcome of a use case. Expected failures are values, not exceptions; the web layer maps them to
/// RFC 9457 problem details and the CLI to exit codes in exactly one place each.
/// </summary>
public sealed record Result<T>(ResultStatus Status, T? Value, IReadOnlyList<FieldError> Errors, string? Message)
{
    public bool IsOk => Status == ResultStatus.Ok;
    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, [], null);
    /// <summary>Not found — also what a caller gets for a record above their clearance, so its existence is not revealed.</summary>
    public static Result<T> NotFound(string message) => new(ResultStatus.NotFound, default, [], message);
    public static Result<T> Invalid(IReadOnlyList<FieldError> errors) => new(ResultStatus.Invalid, default, errors, "The input is not valid.");
    public static Result<T> Invalid(FieldError error) => Invalid([error]);
    public static Result<T> Conflict(string message, T? current = default) => new(ResultStatus.Conflict, current, [], message);
    public static Result<T> Forbidden(string message) => new(ResultStatus.Forbidden, default, [], message);
}
