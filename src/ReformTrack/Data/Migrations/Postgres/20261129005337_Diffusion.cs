using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ReformTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Diffusion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Innovations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OriginUnitId = table.Column<int>(type: "integer", nullable: false),
                    FirstIntroducedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Innovations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Innovations_Units_OriginUnitId",
                        column: x => x.OriginUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pilots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GrantingBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HolderUnitId = table.Column<int>(type: "integer", nullable: true),
                    HolderArea = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Obligations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EvaluationDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvaluationOutcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pilots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pilots_Units_HolderUnitId",
                        column: x => x.HolderUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InnovationMeasures",
                columns: table => new
                {
                    InnovationId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InnovationMeasures", x => new { x.InnovationId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_InnovationMeasures_Innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "Innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InnovationMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Replications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InnovationId = table.Column<int>(type: "integer", nullable: false),
                    AdopterUnitId = table.Column<int>(type: "integer", nullable: true),
                    AdopterPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdopterKey = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceReplicationId = table.Column<int>(type: "integer", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Replications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Replications_Innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "Innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Replications_Replications_SourceReplicationId",
                        column: x => x.SourceReplicationId,
                        principalTable: "Replications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Replications_Units_AdopterUnitId",
                        column: x => x.AdopterUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Honours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AwardingBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    MeasureId = table.Column<int>(type: "integer", nullable: true),
                    InnovationId = table.Column<int>(type: "integer", nullable: true),
                    PilotId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Honours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Honours_Innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "Innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Honours_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Honours_Pilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "Pilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Honours_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PilotMeasures",
                columns: table => new
                {
                    PilotId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotMeasures", x => new { x.PilotId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_PilotMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PilotMeasures_Pilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "Pilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Honours_InnovationId",
                table: "Honours",
                column: "InnovationId");

            migrationBuilder.CreateIndex(
                name: "IX_Honours_MeasureId",
                table: "Honours",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Honours_PilotId",
                table: "Honours",
                column: "PilotId");

            migrationBuilder.CreateIndex(
                name: "IX_Honours_UnitId",
                table: "Honours",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Honours_Year",
                table: "Honours",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_InnovationMeasures_MeasureId",
                table: "InnovationMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Innovations_FirstIntroducedOn",
                table: "Innovations",
                column: "FirstIntroducedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Innovations_OriginUnitId",
                table: "Innovations",
                column: "OriginUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotMeasures_MeasureId",
                table: "PilotMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Pilots_EvaluationDueOn",
                table: "Pilots",
                column: "EvaluationDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Pilots_HolderUnitId",
                table: "Pilots",
                column: "HolderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Replications_AdoptedOn",
                table: "Replications",
                column: "AdoptedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Replications_AdopterUnitId",
                table: "Replications",
                column: "AdopterUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Replications_InnovationId_Level_AdopterKey",
                table: "Replications",
                columns: new[] { "InnovationId", "Level", "AdopterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Replications_SourceReplicationId",
                table: "Replications",
                column: "SourceReplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Honours");

            migrationBuilder.DropTable(
                name: "InnovationMeasures");

            migrationBuilder.DropTable(
                name: "PilotMeasures");

            migrationBuilder.DropTable(
                name: "Replications");

            migrationBuilder.DropTable(
                name: "Pilots");

            migrationBuilder.DropTable(
                name: "Innovations");
        }
    }
}
