using Baken.Application.Common;
using Baken.Domain.Security;

namespace Baken.Application.Register;

/// <summary>
/// The marking lines of products and the audiences they are made for, written with the defined compartments' codes
/// (METHODS §10), so a host marks a file or a table without reading the compartments itself.
/// </summary>
public sealed class ReadMarkings(IBakenDb db)
{
    /// <summary>The marking line of something classified <paramref name="classification"/>, such as "STG. GEHEIM // NUC, CYB".</summary>
    public async Task<string> LineAsync(Classification classification, CancellationToken ct = default) =>
        (await CompartmentDirectory.LoadAsync(db, ct)).Marking(classification).Text;

    /// <summary>The directory itself, for a product that marks many parts (a papers pack marks every paper).</summary>
    public Task<CompartmentDirectory> DirectoryAsync(CancellationToken ct = default) => CompartmentDirectory.LoadAsync(db, ct);

    /// <summary>An audience (<c>public</c>, <c>internal</c> or a marking line); anything else is Invalid, naming the field <c>audience</c>.</summary>
    public async Task<Result<Audience>> AudienceAsync(string? text, CancellationToken ct = default) =>
        (await CompartmentDirectory.LoadAsync(db, ct)).TryParseAudience(text, out var audience, out var error)
            ? Result<Audience>.Ok(audience)
            : Result<Audience>.Invalid(error!);
}
