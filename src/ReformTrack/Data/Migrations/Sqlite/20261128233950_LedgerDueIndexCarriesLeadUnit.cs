using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReformTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerDueIndexCarriesLeadUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measures_Status_DueOn_StartOn_Progress_ObjectiveId",
                table: "Measures");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Status_DueOn_StartOn_Progress_ObjectiveId_LeadUnitId",
                table: "Measures",
                columns: new[] { "Status", "DueOn", "StartOn", "Progress", "ObjectiveId", "LeadUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measures_Status_DueOn_StartOn_Progress_ObjectiveId_LeadUnitId",
                table: "Measures");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Status_DueOn_StartOn_Progress_ObjectiveId",
                table: "Measures",
                columns: new[] { "Status", "DueOn", "StartOn", "Progress", "ObjectiveId" });
        }
    }
}
