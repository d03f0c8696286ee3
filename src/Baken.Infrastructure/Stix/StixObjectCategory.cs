namespace Baken.Infrastructure.Stix;

/// <summary>The kind of a STIX object, which decides which common properties it must have.</summary>
public enum StixObjectCategory
{
    /// <summary>STIX Domain Object (threat-actor, indicator, report, …).</summary>
    DomainObject,

    /// <summary>STIX Relationship Object (relationship, sighting).</summary>
    RelationshipObject,

    /// <summary>STIX Cyber-observable Object (ipv4-addr, file, …): no created/modified required.</summary>
    CyberObservable,

    /// <summary>Meta object: marking-definition, language-content, extension-definition.</summary>
    Meta,

    /// <summary>A type STIX 2.1 does not define (custom or future): kept as is, only common properties checked.</summary>
    Unknown,
}

/// <summary>The object types STIX 2.1 defines.</summary>
public static class StixTypes
{
    /// <summary>STIX 2.1 Domain Object types.</summary>
    public static IReadOnlySet<string> DomainObjects { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator", "infrastructure",
        "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report",
        "threat-actor", "tool", "vulnerability",
    };

    /// <summary>STIX 2.1 Relationship Object types.</summary>
    public static IReadOnlySet<string> RelationshipObjects { get; } = new HashSet<string>(StringComparer.Ordinal) { "relationship", "sighting" };

    /// <summary>STIX 2.1 Cyber-observable Object types.</summary>
    public static IReadOnlySet<string> CyberObservables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file", "ipv4-addr",
        "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account",
        "windows-registry-key", "x509-certificate",
    };

    /// <summary>STIX 2.1 meta object types.</summary>
    public static IReadOnlySet<string> MetaObjects { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "marking-definition", "language-content", "extension-definition",
    };

    /// <summary>The category of <paramref name="type"/>; <see cref="StixObjectCategory.Unknown"/> for types STIX 2.1 does not define.</summary>
    public static StixObjectCategory CategoryOf(string type) =>
        DomainObjects.Contains(type) ? StixObjectCategory.DomainObject
        : RelationshipObjects.Contains(type) ? StixObjectCategory.RelationshipObject
        : CyberObservables.Contains(type) ? StixObjectCategory.CyberObservable
        : MetaObjects.Contains(type) ? StixObjectCategory.Meta
        : StixObjectCategory.Unknown;
}
