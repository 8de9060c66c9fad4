using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpm.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddFirmwareUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FirmwareUpdates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Signed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    RetrieveAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InstallAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Retries = table.Column<int>(type: "INTEGER", nullable: true),
                    RetryIntervalSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    SigningCertificate = table.Column<string>(type: "TEXT", maxLength: 5500, nullable: true),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InstallStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirmwareUpdates", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FirmwareUpdates");
        }
    }
}
