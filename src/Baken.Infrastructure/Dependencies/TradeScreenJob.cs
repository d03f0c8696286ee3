using System.Globalization;
using System.Text.Json;
using Baken.Application.Dependencies;
using Baken.Application.Jobs;
using Baken.Domain.Jobs;

namespace Baken.Infrastructure.Dependencies;

/// <summary>
/// A BACI trade file uploaded on the dependencies page or to the API, screened by whichever node claims the job: the same
/// screen and the same records as <c>baken dependencies screen --record</c> for one file. Reading the file is most of the
/// work and tells the progress (to 90 %); the records are then kept in one transaction, all or none. What it made for its
/// owner is the screen's CSV, as the command writes it.
/// </summary>
public sealed class TradeScreenJob(IJobUploads uploads, RecordDependencyScreen record) : IJobKind
{
    public string Kind => JobKinds.TradeScreen;

    public async Task<JobOutcome> RunAsync(string parameters, IProgress<double> progress, CancellationToken ct)
    {
        var settings = JsonSerializer.Deserialize<TradeScreenParameters>(parameters, BackgroundJobs.Json);
        if (settings is null || settings.Upload == Guid.Empty || uploads.Find(settings.Upload, settings.Extension) is not { } path)
            return JobOutcome.Failed($"file: '{settings?.FileName}' is no longer kept where this server finds job uploads; upload it again");
        DependencyScreenResult result;
        try
        {
            var importer = DependencyImporterParser.Parse(settings.Importer);
            var criteria = DependencyScreen.CriteriaNamed(settings.Criteria)
                           ?? throw new ArgumentException($"criteria: '{settings.Criteria}' is not allowed; allowed: {TradeScreenParameters.AllowedCriteria}");
            var reading = new Progress90(progress);
            result = DependencyScreen.RunWindow(BaciTradeFlowReader.ReadFlows(path, settings.FileName, reading), settings.FileName, settings.Year, importer, criteria);
        }
        catch (Exception e) when (e is BaciFormatException or ArgumentException)
        {
            return JobOutcome.Failed(e.Message);
        }
        ct.ThrowIfCancellationRequested();
        progress.Report(0.9);
        var edition = HsProductNames.EditionOf(settings.FileName) ?? HsNomenclature.Hs17;
        Func<int, string?> productName = code => HsProductNames.Bundled.Name(code, edition);
        var kept = await record.HandleAsync(DependencyRecords.ScreenRows(result, null, await record.ProductDomainsAsync(ct), productName), ct);
        if (!kept.IsOk) return JobOutcome.Failed(kept.Errors, kept.Message, "keeping the screen was refused");
        await using var csv = new StringWriter(CultureInfo.InvariantCulture);
        DependencyScreenCsv.Write(result, csv, null, productName);
        // The result code names the screen (importer and year); its records are the DEP-{importer}-… codes it kept.
        return new JobOutcome(JobState.Done, string.Create(CultureInfo.InvariantCulture, $"{result.Importer.Name}-{result.Year}"), Output: System.Text.Encoding.UTF8.GetBytes(csv.ToString()),
            OutputName: string.Create(CultureInfo.InvariantCulture, $"trade-screen-{result.Importer.Name}-{result.Year}.csv"));
    }

    /// <summary>Reading the file is the first 90 % of the job.</summary>
    private sealed class Progress90(IProgress<double> inner) : IProgress<double>
    {
        public void Report(double value) => inner.Report(0.9 * value);
    }
}
