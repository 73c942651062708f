using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReformTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measures_LeadUnitId_Status_DueOn",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_Measures_Status_DueOn",
                table: "Measures");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_LeadUnitId_Status_DueOn_StartOn_Progress_ObjectiveId",
                table: "Measures",
                columns: new[] { "LeadUnitId", "Status", "DueOn", "StartOn", "Progress", "ObjectiveId" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Status_CompletedOn_LeadUnitId",
                table: "Measures",
                columns: new[] { "Status", "CompletedOn", "LeadUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Status_DueOn_StartOn_Progress_ObjectiveId",
                table: "Measures",
                columns: new[] { "Status", "DueOn", "StartOn", "Progress", "ObjectiveId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measures_LeadUnitId_Status_DueOn_StartOn_Progress_ObjectiveId",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_Measures_Status_CompletedOn_LeadUnitId",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_Measures_Status_DueOn_StartOn_Progress_ObjectiveId",
                table: "Measures");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_LeadUnitId_Status_DueOn",
                table: "Measures",
                columns: new[] { "LeadUnitId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Status_DueOn",
                table: "Measures",
                columns: new[] { "Status", "DueOn" });
        }
    }
}
