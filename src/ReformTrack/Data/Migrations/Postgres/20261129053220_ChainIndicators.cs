using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReformTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChainIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChainIndicators",
                columns: table => new
                {
                    ChainId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainIndicators", x => new { x.ChainId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_ChainIndicators_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChainIndicators_IndicatorId",
                table: "ChainIndicators",
                column: "IndicatorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChainIndicators");
        }
    }
}
