using Baken.Domain.Security;

namespace Baken.Domain.Councils;

/// <summary>A seat in a council: the role (and the person, where known), the ministry and the seat holder's clearance.</summary>
public sealed class CouncilMember : Record
{
    public string CouncilCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public string? MinistryCode { get; set; }
    public Membership Membership { get; set; }
    /// <summary>The highest level the seat holder may see; decides which meetings they can be invited to.</summary>
    public ClassificationLevel Clearance { get; set; }
    /// <summary>Compartment codes the seat holder holds: an item in a compartment goes only on a meeting whose invitees all hold it.</summary>
    public List<string> HeldCompartments { get; set; } = [];
}
