using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReformTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortalCountsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measures_ObjectiveId",
                table: "Measures");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_ObjectiveId_Status_Progress",
                table: "Measures",
                columns: new[] { "ObjectiveId", "Status", "Progress" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Measures_ObjectiveId_Status_Progress",
                table: "Measures");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_ObjectiveId",
                table: "Measures",
                column: "ObjectiveId");
        }
    }
}
