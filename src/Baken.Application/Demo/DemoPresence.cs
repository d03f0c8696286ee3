using Baken.Application.Common;

namespace Baken.Application.Demo;

/// <summary>Whether the register holds demonstration records the caller may see (every page shows a banner then).</summary>
public sealed class DemoPresence(IBakenDb db)
{
    /// <summary>
    /// Answered synchronously, for the page layout: it shares the request's database context with the page, and a query
    /// still running when the page starts its own would be a second operation on one context.
    /// </summary>
    public bool IsPresent() => db.Remembered("demo-present", () => db.Scenarios.Any(s => s.Provenance == DemoPicture.Provenance));
}
