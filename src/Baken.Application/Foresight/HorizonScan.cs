using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Foresight;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Foresight;

/// <summary>A trend, driver or wildcard in the horizon scan.</summary>
public sealed record ScanItem(string Code, TrendKind Kind, string Name, string? NameEn, string? Summary, int? HorizonYears, string? Direction, IReadOnlyList<string> Scenarios);

/// <summary>One world of a frame: its poles, its story and the register scenario made from it (if any).</summary>
public sealed record FrameWorld(int Number, string PoleA, string PoleB, string? Narrative, string? Scenario);

/// <summary>An exploratory scenario frame: two key uncertainties and their four worlds.</summary>
public sealed record FrameView(string Code, string Title, int HorizonYears, IReadOnlyList<string> Drivers, string UncertaintyA, string UncertaintyB,
    IReadOnlyList<FrameWorld> Worlds, string Marking);

/// <summary>The horizon scan as a product: what it holds, and the high-water marking of it (level and compartments).</summary>
public sealed record HorizonScanView(IReadOnlyList<ScanItem> Drivers, IReadOnlyList<ScanItem> Trends, IReadOnlyList<ScanItem> Wildcards,
    IReadOnlyList<FrameView> Frames, Marking Marking);

/// <summary>
/// Horizon scanning (METHODS §9, the 'Strategische Monitor' input the seeds name): the drivers, trends and wildcards the
/// reader may see, and the exploratory scenario frames. The same view feeds the page and <c>baken foresight export</c>,
/// marked with the high-water mark of what went into it.
/// </summary>
public sealed class HorizonScan(IBakenDb db)
{
    public async Task<HorizonScanView> HandleAsync(CancellationToken ct = default)
    {
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var trends = await db.Trends.AsNoTracking().ToListAsync(ct);
        var frames = await db.ScenarioFrames.AsNoTracking().ToListAsync(ct);
        var items = trends.OrderBy(t => t.Code, NaturalComparer.Instance)
            .Select(t => new ScanItem(t.Code, t.Kind, t.Name, t.NameEn, t.Summary, t.HorizonYears, t.Direction, t.Scenarios)).ToList();
        var frameViews = frames.OrderBy(f => f.Code, NaturalComparer.Instance).Select(f => new FrameView(f.Code, f.Title, f.HorizonYears, f.Drivers,
            f.UncertaintyA, f.UncertaintyB,
            [.. Enumerable.Range(1, 4).Select(n => new FrameWorld(n, f.Poles(n).A, f.Poles(n).B, f.Narrative(n), f.ScenarioOf(n)))],
            compartments.Marking(f.Classification).Text)).ToList();
        var marking = compartments.HighWater(trends.Select(t => t.Classification).Concat(frames.Select(f => f.Classification)));
        return new HorizonScanView(items.Where(i => i.Kind == TrendKind.Driver).ToList(), items.Where(i => i.Kind == TrendKind.Trend).ToList(),
            items.Where(i => i.Kind == TrendKind.Wildcard).ToList(), frameViews, marking);
    }

}

/// <summary>
/// Makes a register scenario of one world of a frame: its title names the frame and the two poles, its story is the
/// world's, its horizon the frame's, and its marking the frame's (a copy never lowers a marking). The frame then names the
/// scenario. Both writes go through the register's use case, so who may do it is the matrix's answer for scenarios and frames.
/// </summary>
public sealed class PromoteWorld(IBakenDb db, SaveRecord save)
{
    public async Task<Result<RecordView>> HandleAsync(string frameCode, int world, string kind = "hazard", CancellationToken ct = default)
    {
        if (world is < 1 or > 4) return Result<RecordView>.Invalid(new FieldError("world", world.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.Foresight1234));
        var frame = await db.ScenarioFrames.AsNoTracking().FirstOrDefaultAsync(f => f.Code == frameCode, ct);
        if (frame is null) return Result<RecordView>.NotFound(Register.RegisterTexts.NotFound(Register.RecordKinds.ScenarioFrame, frameCode));
        if (frame.ScenarioOf(world) is { Length: > 0 } made)
            return Result<RecordView>.Invalid(new FieldError("world", world.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.ForesightWorld.With(made)));
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var (a, b) = frame.Poles(world);
        var code = $"{frame.Code}-W{world}";
        var created = await save.HandleAsync(new SaveRecordRequest("scenario", code, new Dictionary<string, string?>
        {
            ["title"] = $"{frame.Title}: {a} / {b}",
            ["kind"] = kind,
            ["horizon_years"] = frame.HorizonYears.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["narrative"] = frame.Narrative(world),
            ["assumptions"] = $"{frame.UncertaintyA}: {a}. {frame.UncertaintyB}: {b}.",
            ["classification"] = frame.ClassificationLevel.ToString(),
            ["compartments"] = string.Join(";", compartments.Names(frame.CompartmentMask)),
        }, SaveMode.Create), ct);
        if (!created.IsOk) return created;
        var linked = await save.HandleAsync(new SaveRecordRequest("scenario-frame", frame.Code,
            new Dictionary<string, string?> { [$"scenario_{world}"] = code }, SaveMode.Update), ct);
        return linked.IsOk ? created : linked;
    }
}
