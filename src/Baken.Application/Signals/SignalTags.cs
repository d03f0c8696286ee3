using Baken.Application.Register;
using Baken.Domain;

namespace Baken.Application.Signals;

/// <summary>The values of one kind in a 'kind:value;kind:value' tag list (signals, feeds, indicators).</summary>
public static class SignalTags
{
    public static IEnumerable<string> Values(string? tags, string kind) =>
        RecordFieldBuilder<Record>.SplitCodes(tags).Where(t => t.StartsWith(kind + ":", StringComparison.OrdinalIgnoreCase))
            .Select(t => t[(kind.Length + 1)..].Trim()).Where(v => v.Length > 0);
}
