using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpm.Data.Migrations
{
    /// <inheritdoc />
    public partial class OcppLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OcppAuthorizationCache",
                columns: table => new
                {
                    IdTag = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpiryDate = table.Column<long>(type: "INTEGER", nullable: true),
                    ParentIdTag = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcppAuthorizationCache", x => x.IdTag);
                });

            migrationBuilder.CreateTable(
                name: "OcppOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransactionRowId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcppOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcppTransactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChargePoint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    IdTag = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MeterStartWh = table.Column<double>(type: "REAL", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MeterStopWh = table.Column<double>(type: "REAL", nullable: true),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AlignedData = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcppTransactions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OcppOutbox_TransactionRowId",
                table: "OcppOutbox",
                column: "TransactionRowId");

            migrationBuilder.CreateIndex(
                name: "IX_OcppTransactions_OneRunningPerChargePoint",
                table: "OcppTransactions",
                column: "ChargePoint",
                unique: true,
                filter: "\"StoppedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OcppTransactions_SessionId",
                table: "OcppTransactions",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OcppAuthorizationCache");

            migrationBuilder.DropTable(
                name: "OcppOutbox");

            migrationBuilder.DropTable(
                name: "OcppTransactions");
        }
    }
}
