using Baken.Application.Catalogue;
using Baken.Application.Register;
using Baken.Application.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use case. Handlers are plain classes; a host asks for the one it needs.</summary>
    public static IServiceCollection AddBakenApplication(this IServiceCollection services)
    {
        services.AddScoped<ListRecords>();
        services.AddScoped<GetRecord>();
        services.AddScoped<SaveRecord>();
        services.AddScoped<DeleteRecord>();
        services.AddScoped<GetHistory>();
        services.AddScoped<ImportRecords>();
        services.AddScoped<ExportRecords>();
        services.AddScoped<ReadMarkings>();
        services.AddScoped<LoadCatalogue>();
        services.AddScoped<ExportCatalogue>();
        services.AddScoped<CatalogueProfiles>();
        services.AddScoped<AddUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<ManageUsers>();
        services.AddScoped<SignIn>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<EnsureAdministrator>();
        services.AddScoped<Signals.ImportStixObjects>();
        services.AddScoped<Signals.ExportStixObjects>();
        services.AddScoped<Signals.ReadStixMarkingLevels>();
        services.AddScoped<Analysis.LoadAnalysisCatalogue>();
        services.AddScoped<Analysis.RunIntegratedAnalysis>();
        services.AddScoped<Analysis.CompareAnalysisRuns>();
        services.AddScoped<Analysis.ReproduceAnalysisRun>();
        services.AddScoped<Analysis.GatherReportDetails>();
        services.AddScoped<Capabilities.CapabilityGaps>();
        services.AddScoped<Assessments.ImportAssessmentTable>();
        services.AddScoped<Assessments.CompareAnalysts>();
        services.AddScoped<Cascades.LoadDependencyNetwork>();
        services.AddScoped<Cascades.SuggestCascadeScores>();
        services.AddScoped<Cascades.CompoundScenarioScoring>();
        services.AddScoped<Dependencies.RecordDependencyScreen>();
        services.AddScoped<Strategy.MeasuresAnalysis>();
        services.AddScoped<Strategy.LoadStrategy>();
        services.AddScoped<Strategy.NewEdition>();
        services.AddScoped<Councils.ForwardAgenda>();
        services.AddScoped<Councils.MeetingPapers>();
        services.AddScoped<Councils.StorePaper>();
        services.AddScoped<Signals.SignalIntake>();
        services.AddScoped<Signals.ReviewSignals>();
        services.AddScoped<Signals.EvaluateAlerts>();
        services.AddScoped<Signals.RaiseAlerts>();
        services.AddScoped<Signals.TrendOverview>();
        services.AddScoped<Foresight.HorizonScan>();
        services.AddScoped<Foresight.PromoteWorld>();
        services.AddScoped<Signals.StackedThreatScan>();
        services.AddScoped<Signals.CountryRiskTable>();
        services.AddScoped<Workflow.OpenCycle>();
        services.AddScoped<Workflow.AssignCycle>();
        services.AddScoped<Workflow.GetCycleStatus>();
        services.AddScoped<Workflow.CloseCycle>();
        services.AddScoped<Workflow.ChangeCycleRound>();
        services.AddScoped<Workflow.DelphiRounds>();
        services.AddScoped<Workflow.ChangeAssessmentStatus>();
        services.AddScoped<Workflow.LikelihoodReviews>();
        services.AddScoped<Workflow.Inbox>();
        services.AddScoped<Comments.AddComment>();
        services.AddScoped<Comments.ChangeComment>();
        services.AddScoped<Comments.ListComments>();
        services.AddScoped<Releases.ReleaseProduct>();
        services.AddScoped<Releases.ListReleases>();
        services.AddScoped<Operations.DatabaseBackups>();
        services.AddScoped<Jobs.BackgroundJobs>();
        // The kinds of long work a node runs from the jobs table (the web host adds the report build).
        services.AddScoped<Jobs.IJobKind, Jobs.AnalysisJob>();
        services.AddScoped<Jobs.IJobKind, Jobs.AssessmentImportJob>();
        services.AddScoped<Demo.LoadDemo>();
        // What the web host read from the database itself before (issue 18): the hosts only call use cases.
        services.AddScoped<AccountAccess>();
        services.AddScoped<Analysis.AnalysisDisplayNames>();
        services.AddScoped<Dashboard.LoadDashboard>();
        services.AddScoped<Dependencies.DependencyOverview>();
        services.AddScoped<Assessments.LoadScoringGuide>();
        services.AddScoped<Workflow.ListCycles>();
        services.AddScoped<Signals.PromoteStackedThreat>();
        services.AddScoped<Demo.DemoPresence>();
        return services;
    }
}
