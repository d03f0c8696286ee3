using Baken.Application.Common;

namespace Baken.Application.Register;

/// <summary>
/// The compartments as the caller's marking lines and audiences name them (<see cref="CompartmentDirectory"/>): what a host
/// needs to print a product's marking (<c>STG. GEHEIM // NUC, CYB</c>) or read an audience, without touching the database.
/// </summary>
public sealed class LoadCompartmentDirectory(IBakenDb db)
{
    public Task<CompartmentDirectory> HandleAsync(CancellationToken ct = default) => CompartmentDirectory.LoadAsync(db, ct);
}
