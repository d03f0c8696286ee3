using Baken.Domain.Strategy;

namespace Baken.Infrastructure.Reports;

/// <summary>Words every report needs for the register's values, in Dutch or English, so no product prints an enum's name.</summary>
public static class ReportWords
{
    public static string MeasureStatus(MeasureStatus status, bool nl) => status switch
    {
        Domain.Strategy.MeasureStatus.Proposed => nl ? "voorgesteld" : "proposed",
        Domain.Strategy.MeasureStatus.Planned => nl ? "gepland" : "planned",
        Domain.Strategy.MeasureStatus.InProgress => nl ? "in uitvoering" : "in progress",
        Domain.Strategy.MeasureStatus.Implemented => nl ? "uitgevoerd" : "implemented",
        _ => nl ? "gestopt" : "stopped",
    };
}
