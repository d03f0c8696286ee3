namespace Baken.Application.Common;

/// <summary>
/// One database transaction around several saves, for a use case whose steps must all be written or none: the steps
/// save one after another (a later one reads what an earlier one wrote, such as a reference), yet a failure half-way
/// leaves nothing behind. Implemented in Infrastructure on the same context as <see cref="IBakenDb"/>.
/// </summary>
public interface IDatabaseTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it when the result is <see cref="ResultStatus.Ok"/>; any
    /// other result, or an exception, rolls back every save of the work and forgets what it left tracked.
    /// </summary>
    Task<Result<T>> AllOrNothingAsync<T>(Func<CancellationToken, Task<Result<T>>> work, CancellationToken ct = default);
}
