namespace Baken.Domain.Users;

/// <summary>
/// One row that changes whenever any account or API token changes (clearance, compartments, roles, lock, password,
/// revocation). Every node asks for it at every request: while it is unchanged, what a node remembers about a session or
/// a token still holds; when it changes, the node reads the account again. So a change made on one node takes effect on
/// every node at their next request, without a per-node waiting time. (The row itself is read again only once the
/// database has changed at all: see IBakenDb.RememberedAsync.)
/// </summary>
public sealed class AccessStamp
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    /// <summary>A new random value at every change (never a counter, so two changes at once cannot end on the same value).</summary>
    public Guid Value { get; set; }
}
