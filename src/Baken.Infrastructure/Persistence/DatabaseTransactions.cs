using Baken.Application.Common;

namespace Baken.Infrastructure.Persistence;

/// <summary>A transaction on the request's context, so the use case's saves through <see cref="IBakenDb"/> all join it.</summary>
public sealed class DatabaseTransactions(BakenDbContext db) : IDatabaseTransactions
{
    public async Task<Result<T>> AllOrNothingAsync<T>(Func<CancellationToken, Task<Result<T>>> work, CancellationToken ct = default)
    {
        // The context's own saves see the open transaction and join it instead of committing on their own.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work(ct);
            if (result.IsOk)
            {
                await transaction.CommitAsync(ct);
                return result;
            }
            await transaction.RollbackAsync(ct);
            db.DiscardChanges();
            return result;
        }
        catch
        {
            // Rolled back when the transaction is disposed; the tracked changes of the failed work must not be saved later.
            db.DiscardChanges();
            throw;
        }
    }
}
