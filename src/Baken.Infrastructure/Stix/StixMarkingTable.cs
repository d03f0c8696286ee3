using Baken.Application.Signals;
using Baken.Domain.Security;

namespace Baken.Infrastructure.Stix;

/// <summary>The marking table as data: the catalogue's stix_markings levels (<see cref="ReadStixMarkingLevels"/>) turned into a <see cref="StixMarkingMap"/>.</summary>
public static class StixMarkingTable
{
    /// <exception cref="SetupException">The levels make no valid map (the message names what is wrong).</exception>
    public static StixMarkingMap From(StixMarkingLevels levels)
    {
        try
        {
            return new StixMarkingMap(levels.Tlp, levels.MarkingIds, levels.Statement ?? ClassificationLevel.Ongerubriceerd,
                levels.Unknown ?? ClassificationLevel.StaatsgeheimConfidentieel, levels.Unmarked ?? ClassificationLevel.Ongerubriceerd);
        }
        catch (ArgumentException e)
        {
            throw new SetupException($"The catalogue's stix_markings table is invalid: {e.Reason()}");
        }
    }
}
