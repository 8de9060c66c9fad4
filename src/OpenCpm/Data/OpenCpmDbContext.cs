using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.Authorization;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Data;

/// <summary>The controller's SQLite database. Only the stores in this folder use it; pages and endpoints call the stores.</summary>
internal sealed class OpenCpmDbContext(DbContextOptions<OpenCpmDbContext> options) : DbContext(options)
{
    public DbSet<SiteSettingsRow> Site => Set<SiteSettingsRow>();

    public DbSet<ClusterRow> Clusters => Set<ClusterRow>();

    public DbSet<ChargePointRow> ChargePoints => Set<ChargePointRow>();

    public DbSet<SettingsDocumentRow> Documents => Set<SettingsDocumentRow>();

    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<TokenRow> Tokens => Set<TokenRow>();

    public DbSet<UserPreferencesRow> UserPreferences => Set<UserPreferencesRow>();

    public DbSet<CardRow> Cards => Set<CardRow>();

    public DbSet<CardListRow> CardLists => Set<CardListRow>();

    public DbSet<OcppTransactionRow> OcppTransactions => Set<OcppTransactionRow>();

    public DbSet<OcppOutboxRow> OcppOutbox => Set<OcppOutboxRow>();

    public DbSet<OcppAuthorizationCacheRow> OcppAuthorizationCache => Set<OcppAuthorizationCacheRow>();

    public DbSet<ChargingProfileRow> ChargingProfiles => Set<ChargingProfileRow>();

    public DbSet<ReservationRow> Reservations => Set<ReservationRow>();

    public DbSet<FirmwareUpdateRow> FirmwareUpdates => Set<FirmwareUpdateRow>();

    public DbSet<OcppCertificateRow> OcppCertificates => Set<OcppCertificateRow>();

    public DbSet<OcppSecurityEventRow> OcppSecurityEvents => Set<OcppSecurityEventRow>();

    public DbSet<OcppSigningKeyRow> OcppSigningKeys => Set<OcppSigningKeyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMillisecondsConverter>();
        configurationBuilder.Properties<PhaseConnection>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PhaseRotation>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Phase>().HaveConversion<string>().HaveMaxLength(4);
        configurationBuilder.Properties<StationDriverKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StopReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EventSeverity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TokenKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TimeFormat>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CardStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IdTagStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SiteSettingsRow>(e =>
        {
            e.ToTable("SiteSettings");
            e.Property(s => s.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<ClusterRow>(e =>
        {
            e.ToTable("Clusters");
            e.Property(c => c.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<ChargePointRow>(e =>
        {
            e.ToTable("ChargePoints");
            e.Property(c => c.Id).HasMaxLength(64);
            e.Property(c => c.Cluster).HasMaxLength(64);
            e.Property(c => c.Serial).HasMaxLength(64);
            e.Property(c => c.Address).HasMaxLength(64);
            e.Property(c => c.DisplayName).HasMaxLength(128);
            e.HasIndex(c => c.ConnectorId).IsUnique();
        });
        modelBuilder.Entity<SettingsDocumentRow>(e =>
        {
            e.ToTable("SettingsDocuments");
            e.HasKey(d => d.Key);
            e.Property(d => d.Key).HasMaxLength(64);
        });
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("Sessions");
            e.Property(s => s.ChargePoint).HasMaxLength(64);
            e.Property(s => s.IdTag).HasMaxLength(64).UseCollation("NOCASE");
            e.HasIndex(s => s.Start);
            e.HasIndex(s => new { s.ChargePoint, s.End });
            e.HasIndex(s => s.IdTag);

            // At most one active session per charge point, enforced by the database itself.
            e.HasIndex(s => s.ChargePoint).IsUnique().HasFilter("\"End\" IS NULL").HasDatabaseName("IX_Sessions_OneActivePerChargePoint");
        });
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("Events");
            e.Property(v => v.Source).HasMaxLength(64);
            e.HasIndex(v => v.Time);
        });
        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable("Users");
            e.Property(u => u.Name).HasMaxLength(64).UseCollation("NOCASE");
            e.HasIndex(u => u.Name).IsUnique();
            e.Property(u => u.Role).HasMaxLength(16);
        });
        modelBuilder.Entity<TokenRow>(e =>
        {
            e.ToTable("Tokens");
            e.Property(t => t.Hash).HasMaxLength(64);
            e.HasIndex(t => t.Hash).IsUnique();
            e.Property(t => t.Name).HasMaxLength(64);
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<UserPreferencesRow>(e =>
        {
            e.ToTable("UserPreferences");
            e.HasKey(p => p.UserId);
            e.Property(p => p.Language).HasMaxLength(8);
            e.Property(p => p.TimeZone).HasMaxLength(64);
            e.HasOne(p => p.User).WithOne().HasForeignKey<UserPreferencesRow>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CardRow>(e =>
        {
            e.ToTable("Cards");
            e.HasKey(c => c.Uid);
            e.Property(c => c.Uid).HasMaxLength(CardUid.MaxLength);
            e.Property(c => c.Name).HasMaxLength(CardList.MaxNameLength);
        });
        modelBuilder.Entity<CardListRow>(e =>
        {
            e.ToTable("CardList");
            e.Property(c => c.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<OcppTransactionRow>(e =>
        {
            e.ToTable("OcppTransactions");
            e.Property(t => t.ChargePoint).HasMaxLength(64);
            e.Property(t => t.IdTag).HasMaxLength(CardUid.MaxLength);
            e.Property(t => t.StartStatus).HasMaxLength(16);
            e.HasIndex(t => t.SessionId);

            // At most one running transaction per charge point, enforced by the database itself.
            e.HasIndex(t => t.ChargePoint).IsUnique().HasFilter("\"StoppedAt\" IS NULL").HasDatabaseName("IX_OcppTransactions_OneRunningPerChargePoint");
        });
        modelBuilder.Entity<OcppOutboxRow>(e =>
        {
            e.ToTable("OcppOutbox");
            e.Property(o => o.Action).HasMaxLength(32);
            e.HasIndex(o => o.TransactionRowId);
        });
        modelBuilder.Entity<OcppAuthorizationCacheRow>(e =>
        {
            e.ToTable("OcppAuthorizationCache");
            e.HasKey(c => c.IdTag);
            e.Property(c => c.IdTag).HasMaxLength(CardUid.MaxLength);
            e.Property(c => c.ParentIdTag).HasMaxLength(CardUid.MaxLength);
        });
        modelBuilder.Entity<ChargingProfileRow>(e =>
        {
            e.ToTable("ChargingProfiles");
            e.Property(p => p.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<ReservationRow>(e =>
        {
            e.ToTable("Reservations");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.IdTag).HasMaxLength(20);
            e.Property(r => r.ParentIdTag).HasMaxLength(20);
        });
        modelBuilder.Entity<FirmwareUpdateRow>(e =>
        {
            e.ToTable("FirmwareUpdates");
            e.Property(f => f.Id).HasMaxLength(32);
            e.Property(f => f.Location).HasMaxLength(512);
            e.Property(f => f.SigningCertificate).HasMaxLength(5500);
            e.Property(f => f.Signature).HasMaxLength(800);
            e.Property(f => f.Stage).HasMaxLength(16);
            e.Property(f => f.TargetVersion).HasMaxLength(64);
        });
        modelBuilder.Entity<OcppCertificateRow>(e =>
        {
            e.ToTable("OcppCertificates");
            e.Property(c => c.Type).HasMaxLength(32);
            e.Property(c => c.Sha256).HasMaxLength(64);
            e.HasIndex(c => new { c.Type, c.Sha256 }).IsUnique();
        });
        modelBuilder.Entity<OcppSecurityEventRow>(e =>
        {
            e.ToTable("OcppSecurityEvents");
            e.Property(v => v.Type).HasMaxLength(50);
            e.Property(v => v.TechInfo).HasMaxLength(255);
        });
        modelBuilder.Entity<OcppSigningKeyRow>(e => e.ToTable("OcppSigningKeys"));
    }
}
