using Baken.Domain.Security;

namespace Baken.Domain;

/// <summary>
/// The base of every classified, versioned register record. The database layer enforces the
/// classification on every query and writes a history entry for every change (see docs/architecture.md).
/// </summary>
public abstract class Record
{
    protected Record() => Code = "";

    protected Record(string code, Classification classification)
    {
        Code = RecordCode.Validate(code);
        Classify(classification);
    }

    public Guid Id { get; set; }

    /// <summary>The business key, unique per kind of record.</summary>
    public string Code { get; private set; }

    public ClassificationLevel ClassificationLevel { get; private set; }

    /// <summary>Need-to-know compartments as a bit mask; see <see cref="Compartment"/>.</summary>
    public long CompartmentMask { get; private set; }

    /// <summary>Optimistic-concurrency version: 1 after insert, +1 on every update.</summary>
    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Where the record comes from: a seed file, a data file, a report or a Source code.</summary>
    public string? Provenance { get; set; }

    /// <summary>Marked for the public (redacted) versions. Only meaningful for Ongerubriceerd records.</summary>
    public bool Publishable { get; set; }

    public Classification Classification => new(ClassificationLevel, CompartmentMask);

    /// <summary>The code as a natural sort key (see <see cref="RecordCode.SortKey"/>), kept by the database layer for ordered paging.</summary>
    public string SortKey { get; set; } = "";

    public void Classify(Classification classification)
    {
        if (!Enum.IsDefined(classification.Level))
            throw new DomainValidationException("classification", classification.Level.ToString(), ClassificationLevels.Rule);
        ClassificationLevel = classification.Level;
        CompartmentMask = classification.CompartmentMask;
    }

    public void Recode(string code) => Code = RecordCode.Validate(code);
}
