using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReformTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Chronicle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChronicleEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Precision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Suppressed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronicleEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChronicleEvents_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChronicleLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronicleLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChronicleLinks_ChronicleEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "ChronicleEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChronicleEvents_Date_Category",
                table: "ChronicleEvents",
                columns: new[] { "Date", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_ChronicleEvents_Key",
                table: "ChronicleEvents",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChronicleEvents_UnitId",
                table: "ChronicleEvents",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ChronicleLinks_EventId_Kind_TargetId",
                table: "ChronicleLinks",
                columns: new[] { "EventId", "Kind", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChronicleLinks_Kind_TargetId",
                table: "ChronicleLinks",
                columns: new[] { "Kind", "TargetId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChronicleLinks");

            migrationBuilder.DropTable(
                name: "ChronicleEvents");
        }
    }
}
