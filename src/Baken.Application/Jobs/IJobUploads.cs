namespace Baken.Application.Jobs;

/// <summary>
/// Where a job keeps an uploaded file too large for its row (a BACI trade file of hundreds of megabytes) until it ends,
/// under the job's id, so a node that takes the job over after a restart finds it again. Every node that runs jobs must
/// see the same place (docs/operations.md, "Jobs").
/// </summary>
public interface IJobUploads
{
    /// <summary>
    /// Keeps <paramref name="content"/> under a new id, which becomes the id of the job that uses it; <paramref name="extension"/>
    /// (".csv", ".zip") tells its readers what it is.
    /// </summary>
    Task<Guid> KeepAsync(string extension, Stream content, CancellationToken ct);

    /// <summary>The kept file's path, or null when it is gone (deleted, or kept where this node cannot see it).</summary>
    string? Find(Guid job, string extension);

    /// <summary>Lets go of whatever the job kept (nothing happens when it kept nothing).</summary>
    void Delete(Guid job);
}
