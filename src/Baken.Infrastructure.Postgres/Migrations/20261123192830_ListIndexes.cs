using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WarningIndicators_SortKey",
                table: "WarningIndicators");

            migrationBuilder.DropIndex(
                name: "IX_VitalProcesses_SortKey",
                table: "VitalProcesses");

            migrationBuilder.DropIndex(
                name: "IX_Trends_SortKey",
                table: "Trends");

            migrationBuilder.DropIndex(
                name: "IX_Themes_SortKey",
                table: "Themes");

            migrationBuilder.DropIndex(
                name: "IX_StixObjects_SortKey",
                table: "StixObjects");

            migrationBuilder.DropIndex(
                name: "IX_Sources_SortKey",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Signals_SortKey",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Scenarios_SortKey",
                table: "Scenarios");

            migrationBuilder.DropIndex(
                name: "IX_Risks_SortKey",
                table: "Risks");

            migrationBuilder.DropIndex(
                name: "IX_ProgressUpdates_SortKey",
                table: "ProgressUpdates");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_SortKey",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Observations_SortKey",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_SortKey",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Measures_SortKey",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_Interests_SortKey",
                table: "Interests");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_SortKey",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Goals_SortKey",
                table: "Goals");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpActions_SortKey",
                table: "FollowUpActions");

            migrationBuilder.DropIndex(
                name: "IX_Feeds_SortKey",
                table: "Feeds");

            migrationBuilder.DropIndex(
                name: "IX_Dependencies_SortKey",
                table: "Dependencies");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_SortKey",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_CriterionScales_SortKey",
                table: "CriterionScales");

            migrationBuilder.DropIndex(
                name: "IX_Criteria_SortKey",
                table: "Criteria");

            migrationBuilder.DropIndex(
                name: "IX_Councils_SortKey",
                table: "Councils");

            migrationBuilder.DropIndex(
                name: "IX_CouncilMembers_SortKey",
                table: "CouncilMembers");

            migrationBuilder.DropIndex(
                name: "IX_CouncilDocuments_SortKey",
                table: "CouncilDocuments");

            migrationBuilder.DropIndex(
                name: "IX_CatalogueEntries_SortKey",
                table: "CatalogueEntries");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_SortKey",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_AnalysisRuns_SortKey",
                table: "AnalysisRuns");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_SortKey",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_SortKey",
                table: "AgendaItems");

            migrationBuilder.DropIndex(
                name: "IX_Actors_SortKey",
                table: "Actors");

            migrationBuilder.CreateIndex(
                name: "IX_WarningIndicator_List",
                table: "WarningIndicators",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_VitalProcess_List",
                table: "VitalProcesses",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Trend_List",
                table: "Trends",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Theme_List",
                table: "Themes",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_StixObjectRecord_List",
                table: "StixObjects",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Source_List",
                table: "Sources",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Signal_List",
                table: "Signals",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Scenario_List",
                table: "Scenarios",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Risk_List",
                table: "Risks",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdate_List",
                table: "ProgressUpdates",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisation_List",
                table: "Organisations",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Observation_List",
                table: "Observations",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Meeting_List",
                table: "Meetings",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Measure_List",
                table: "Measures",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_NationalSecurityInterest_List",
                table: "Interests",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicator_List",
                table: "Indicators",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyGoal_List",
                table: "Goals",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAction_List",
                table: "FollowUpActions",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Feed_List",
                table: "Feeds",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategicDependency_List",
                table: "Dependencies",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Decision_List",
                table: "Decisions",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_CriterionScale_List",
                table: "CriterionScales",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactCriterion_List",
                table: "Criteria",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Council_List",
                table: "Councils",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMember_List",
                table: "CouncilMembers",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDocument_List",
                table: "CouncilDocuments",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntry_List",
                table: "CatalogueEntries",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessment_List",
                table: "Assessments",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisRun_List",
                table: "AnalysisRuns",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Alert_List",
                table: "Alerts",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_List",
                table: "AgendaItems",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });

            migrationBuilder.CreateIndex(
                name: "IX_Actor_List",
                table: "Actors",
                columns: new[] { "SortKey", "ClassificationLevel", "CompartmentMask", "Publishable" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WarningIndicator_List",
                table: "WarningIndicators");

            migrationBuilder.DropIndex(
                name: "IX_VitalProcess_List",
                table: "VitalProcesses");

            migrationBuilder.DropIndex(
                name: "IX_Trend_List",
                table: "Trends");

            migrationBuilder.DropIndex(
                name: "IX_Theme_List",
                table: "Themes");

            migrationBuilder.DropIndex(
                name: "IX_StixObjectRecord_List",
                table: "StixObjects");

            migrationBuilder.DropIndex(
                name: "IX_Source_List",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Signal_List",
                table: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Scenario_List",
                table: "Scenarios");

            migrationBuilder.DropIndex(
                name: "IX_Risk_List",
                table: "Risks");

            migrationBuilder.DropIndex(
                name: "IX_ProgressUpdate_List",
                table: "ProgressUpdates");

            migrationBuilder.DropIndex(
                name: "IX_Organisation_List",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Observation_List",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Meeting_List",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Measure_List",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_NationalSecurityInterest_List",
                table: "Interests");

            migrationBuilder.DropIndex(
                name: "IX_Indicator_List",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_StrategyGoal_List",
                table: "Goals");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpAction_List",
                table: "FollowUpActions");

            migrationBuilder.DropIndex(
                name: "IX_Feed_List",
                table: "Feeds");

            migrationBuilder.DropIndex(
                name: "IX_StrategicDependency_List",
                table: "Dependencies");

            migrationBuilder.DropIndex(
                name: "IX_Decision_List",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_CriterionScale_List",
                table: "CriterionScales");

            migrationBuilder.DropIndex(
                name: "IX_ImpactCriterion_List",
                table: "Criteria");

            migrationBuilder.DropIndex(
                name: "IX_Council_List",
                table: "Councils");

            migrationBuilder.DropIndex(
                name: "IX_CouncilMember_List",
                table: "CouncilMembers");

            migrationBuilder.DropIndex(
                name: "IX_CouncilDocument_List",
                table: "CouncilDocuments");

            migrationBuilder.DropIndex(
                name: "IX_CatalogueEntry_List",
                table: "CatalogueEntries");

            migrationBuilder.DropIndex(
                name: "IX_Assessment_List",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_AnalysisRun_List",
                table: "AnalysisRuns");

            migrationBuilder.DropIndex(
                name: "IX_Alert_List",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_List",
                table: "AgendaItems");

            migrationBuilder.DropIndex(
                name: "IX_Actor_List",
                table: "Actors");

            migrationBuilder.CreateIndex(
                name: "IX_WarningIndicators_SortKey",
                table: "WarningIndicators",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_VitalProcesses_SortKey",
                table: "VitalProcesses",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Trends_SortKey",
                table: "Trends",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_SortKey",
                table: "Themes",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_SortKey",
                table: "StixObjects",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_SortKey",
                table: "Sources",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_SortKey",
                table: "Signals",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_SortKey",
                table: "Scenarios",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_SortKey",
                table: "Risks",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_SortKey",
                table: "ProgressUpdates",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SortKey",
                table: "Organisations",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_SortKey",
                table: "Observations",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SortKey",
                table: "Meetings",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_SortKey",
                table: "Measures",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Interests_SortKey",
                table: "Interests",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_SortKey",
                table: "Indicators",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_SortKey",
                table: "Goals",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_SortKey",
                table: "FollowUpActions",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Feeds_SortKey",
                table: "Feeds",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Dependencies_SortKey",
                table: "Dependencies",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SortKey",
                table: "Decisions",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionScales_SortKey",
                table: "CriterionScales",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Criteria_SortKey",
                table: "Criteria",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Councils_SortKey",
                table: "Councils",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMembers_SortKey",
                table: "CouncilMembers",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDocuments_SortKey",
                table: "CouncilDocuments",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_SortKey",
                table: "CatalogueEntries",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SortKey",
                table: "Assessments",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisRuns_SortKey",
                table: "AnalysisRuns",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_SortKey",
                table: "Alerts",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SortKey",
                table: "AgendaItems",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Actors_SortKey",
                table: "Actors",
                column: "SortKey");
        }
    }
}
