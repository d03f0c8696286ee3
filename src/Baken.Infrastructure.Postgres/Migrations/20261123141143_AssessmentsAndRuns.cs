using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baken.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentsAndRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnalysisRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Profile = table.Column<string>(type: "text", nullable: false),
                    Factor = table.Column<double>(type: "double precision", nullable: false),
                    Iterations = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    CodeVersion = table.Column<string>(type: "text", nullable: false),
                    InputSource = table.Column<string>(type: "text", nullable: false),
                    ScenarioCount = table.Column<int>(type: "integer", nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false),
                    SettingsJson = table.Column<string>(type: "text", nullable: false),
                    ResultsJson = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClassificationLevel = table.Column<int>(type: "integer", nullable: false),
                    CompartmentMask = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false),
                    Provenance = table.Column<string>(type: "text", nullable: true),
                    Publishable = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioCode = table.Column<string>(type: "text", nullable: false),
                    Analyst = table.Column<string>(type: "text", nullable: false),
                    Organisation = table.Column<string>(type: "text", nullable: false),
                    HorizonYears = table.Column<double>(type: "double precision", nullable: true),
                    Likelihood = table.Column<string>(type: "text", nullable: true),
                    Intent = table.Column<string>(type: "text", nullable: true),
                    Capability = table.Column<string>(type: "text", nullable: true),
                    Vulnerability = table.Column<string>(type: "text", nullable: true),
                    OverrideReason = table.Column<string>(type: "text", nullable: true),
                    Confidence = table.Column<string>(type: "text", nullable: true),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Rationale = table.Column<string>(type: "text", nullable: true),
                    Sources = table.Column<string>(type: "text", nullable: true),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClassificationLevel = table.Column<int>(type: "integer", nullable: false),
                    CompartmentMask = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false),
                    Provenance = table.Column<string>(type: "text", nullable: true),
                    Publishable = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisRuns_Code",
                table: "AnalysisRuns",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Code",
                table: "Assessments",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnalysisRuns");

            migrationBuilder.DropTable(
                name: "Assessments");
        }
    }
}
