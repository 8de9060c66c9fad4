using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpm.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionCardIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Sessions_IdTag",
                table: "Sessions",
                column: "IdTag");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_IdTag",
                table: "Sessions");
        }
    }
}
