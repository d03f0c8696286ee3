using System.Diagnostics.Metrics;

namespace Baken.Application.Common;

/// <summary>
/// Baken's own metrics (meter "Baken"), exported by the web host through OpenTelemetry when an exporter is configured
/// (docs/operations.md, 'What to monitor'). Tags never carry classified content: kinds, outcomes and surfaces only.
/// </summary>
public static class BakenTelemetry
{
    public const string MeterName = "Baken";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> AnalysisDuration = Meter.CreateHistogram<double>("baken.analysis.duration", "s",
        "Time from a node claiming an analysis job to its end, by outcome (Done, Failed, Cancelled)");

    private static readonly Counter<long> Imported = Meter.CreateCounter<long>("baken.imports.records", "{record}", "Records created or updated by imports, by kind");

    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("baken.refusals", "{refusal}", "Requests refused as forbidden, by surface (api, page, cli)");

    private static int _jobsWaiting;

    /// <summary>Jobs waiting for a node, as last counted by this node's job worker.</summary>
    private static readonly ObservableGauge<int> JobsWaiting = Meter.CreateObservableGauge("baken.jobs.waiting", () => Volatile.Read(ref _jobsWaiting), "{job}",
        "Jobs in the queue that no node has claimed yet");

    public static void AnalysisFinished(string outcome, double seconds) => AnalysisDuration.Record(seconds, new KeyValuePair<string, object?>("outcome", outcome));

    public static void RecordsImported(string kind, int count) => Imported.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public static void Refusal(string surface) => Refused.Add(1, new KeyValuePair<string, object?>("surface", surface));

    public static void JobsWaitingCounted(int count) => Volatile.Write(ref _jobsWaiting, count);
}
