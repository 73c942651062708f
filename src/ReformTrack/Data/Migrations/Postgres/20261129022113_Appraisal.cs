using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ReformTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Appraisal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppraisalSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExcellentFrom = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    GoodFrom = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    PassFrom = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    PointsPerItem = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Cap = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    DeadlineDay = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalCriteria_AppraisalSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AppraisalSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    SchemeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    RootUnitId = table.Column<int>(type: "integer", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Edition = table.Column<int>(type: "integer", nullable: false),
                    FirstRunId = table.Column<int>(type: "integer", nullable: true),
                    PreviousRunId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalRuns_AppraisalSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AppraisalSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppraisalRuns_Units_RootUnitId",
                        column: x => x.RootUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalAppeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectedValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    NewRunId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalAppeals_AppraisalRuns_NewRunId",
                        column: x => x.NewRunId,
                        principalTable: "AppraisalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppraisalAppeals_AppraisalRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AppraisalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppraisalAppeals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalResults_AppraisalRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AppraisalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraisalResults_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Raw = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Numerator = table.Column<int>(type: "integer", nullable: true),
                    Denominator = table.Column<int>(type: "integer", nullable: true),
                    Contribution = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalValues_AppraisalRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AppraisalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraisalValues_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalAppeals_NewRunId",
                table: "AppraisalAppeals",
                column: "NewRunId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalAppeals_RunId_Status",
                table: "AppraisalAppeals",
                columns: new[] { "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalAppeals_UnitId",
                table: "AppraisalAppeals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalCriteria_SchemeId_Kind",
                table: "AppraisalCriteria",
                columns: new[] { "SchemeId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalResults_RunId_UnitId",
                table: "AppraisalResults",
                columns: new[] { "RunId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalResults_UnitId",
                table: "AppraisalResults",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalRuns_RootUnitId",
                table: "AppraisalRuns",
                column: "RootUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalRuns_SchemeCode_Status_From_To",
                table: "AppraisalRuns",
                columns: new[] { "SchemeCode", "Status", "From", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalRuns_SchemeId",
                table: "AppraisalRuns",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalSchemes_Code_Revision",
                table: "AppraisalSchemes",
                columns: new[] { "Code", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalValues_RunId_UnitId_Kind",
                table: "AppraisalValues",
                columns: new[] { "RunId", "UnitId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalValues_UnitId",
                table: "AppraisalValues",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppraisalAppeals");

            migrationBuilder.DropTable(
                name: "AppraisalCriteria");

            migrationBuilder.DropTable(
                name: "AppraisalResults");

            migrationBuilder.DropTable(
                name: "AppraisalValues");

            migrationBuilder.DropTable(
                name: "AppraisalRuns");

            migrationBuilder.DropTable(
                name: "AppraisalSchemes");
        }
    }
}
