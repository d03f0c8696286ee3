using Baken.Application.Jobs;
using Baken.Infrastructure.Persistence;

namespace Baken.Infrastructure.Jobs;

/// <summary>
/// Job uploads as files in <c>{Database:DataFolder}/job-uploads</c>, named by the job's id. With several nodes the data
/// folder must be shared storage; a node that cannot see a job's file fails the job with that reason.
/// </summary>
public sealed class JobUploadFolder(DatabaseOptions options) : IJobUploads
{
    public string Folder => Path.Combine(options.ResolvedDataFolder, "job-uploads");

    public async Task<Guid> KeepAsync(string extension, Stream content, CancellationToken ct)
    {
        var job = Guid.NewGuid();
        Directory.CreateDirectory(Folder);
        var path = PathOf(job, extension);
        // Written under a temporary name and then renamed, so a job never finds half a file.
        var partial = path + ".partial";
        try
        {
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                await content.CopyToAsync(target, ct);
            File.Move(partial, path);
            return job;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public string? Find(Guid job, string extension) => File.Exists(PathOf(job, extension)) ? PathOf(job, extension) : null;

    public void Delete(Guid job)
    {
        if (!Directory.Exists(Folder)) return;
        foreach (var file in Directory.EnumerateFiles(Folder, $"{job:N}.*")) File.Delete(file);
    }

    private string PathOf(Guid job, string extension) => Path.Combine(Folder, $"{job:N}{extension}");
}
