using Baken.Domain.Security;

namespace Baken.Domain.History;

/// <summary>Declassify: an update that lowered the level or removed a compartment, kept as its own kind of event with its reason.</summary>
public enum ChangeKind { Insert, Update, Delete, Declassify }

/// <summary>
/// One immutable entry of the audit trail: who changed which record when, with the values before and after.
/// It carries the higher classification of the two versions, so the trail never shows more than the record.
/// </summary>
public sealed class HistoryEntry
{
    public long Id { get; set; }
    public string EntityKind { get; set; } = "";
    public Guid EntityId { get; set; }
    public string EntityCode { get; set; } = "";
    public int Version { get; set; }
    public ChangeKind Change { get; set; }
    public string UserName { get; set; } = "";
    public DateTime AtUtc { get; set; }
    /// <summary>JSON object of the field values before the change (null for an insert).</summary>
    public string? BeforeJson { get; set; }
    /// <summary>JSON object of the field values after the change (null for a delete).</summary>
    public string? AfterJson { get; set; }
    public ClassificationLevel ClassificationLevel { get; set; }
    public long CompartmentMask { get; set; }
    /// <summary>What the change says about itself: the reason of a declassification, "entered by X for Y" for an assessment entered on an analyst's behalf.</summary>
    public string? Note { get; set; }
}
