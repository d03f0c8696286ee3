using Baken.Application.Common;
using Baken.Domain.Users;

namespace Baken.Application.Operations;

/// <summary>What a backup or a restore did: the file, its size and the database it came from or went into.</summary>
public sealed record BackupOutcome(string File, long Bytes, string Provider, IReadOnlyList<string> Migrations);

/// <summary>
/// Copies the whole database to a file and back, with the provider's own tools (SQLite's online backup, pg_dump and
/// pg_restore). Implemented in Infrastructure; the permission rule is in <see cref="DatabaseBackups"/>.
/// </summary>
public interface IDatabaseBackupStore
{
    Task<Result<BackupOutcome>> BackUpAsync(string file, CancellationToken ct);

    /// <summary>Replaces the database's contents with the backup's, after checking that the file is a Baken backup of this provider.</summary>
    Task<Result<BackupOutcome>> RestoreAsync(string file, CancellationToken ct);
}

/// <summary>
/// Backing up and restoring the register. Both are administrator actions: a backup holds every record at every
/// classification (no clearance filter applies to a copy of the database), and a restore replaces everyone's work.
/// </summary>
public sealed class DatabaseBackups(IDatabaseBackupStore store, ICurrentUser caller)
{
    public Task<Result<BackupOutcome>> BackUpAsync(string file, CancellationToken ct = default) =>
        caller.IsInRole(Roles.Administrator)
            ? store.BackUpAsync(file, ct)
            : Task.FromResult(Result<BackupOutcome>.Forbidden(AllowedTexts.OperationsBackupAdministratorOnly));

    public Task<Result<BackupOutcome>> RestoreAsync(string file, CancellationToken ct = default) =>
        caller.IsInRole(Roles.Administrator)
            ? store.RestoreAsync(file, ct)
            : Task.FromResult(Result<BackupOutcome>.Forbidden(AllowedTexts.OperationsRestoreAdministratorOnly));
}
