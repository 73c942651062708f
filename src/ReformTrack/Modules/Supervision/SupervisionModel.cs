using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Supervision;

internal sealed class SupervisionItemConfiguration : IEntityTypeConfiguration<SupervisionItem>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> b)
    {
        b.Property(i => i.OpenKey).HasMaxLength(40);
        b.Property(i => i.OpenedBy).HasMaxLength(SupervisionItem.PersonMaxLength);
        b.Property(i => i.RespondedBy).HasMaxLength(SupervisionItem.PersonMaxLength);
        b.Property(i => i.ClosedBy).HasMaxLength(SupervisionItem.PersonMaxLength);
        b.Property(i => i.Instruction).HasMaxLength(SupervisionItem.TextMaxLength);
        b.Property(i => i.Response).HasMaxLength(SupervisionItem.TextMaxLength);
        b.Property(i => i.ClosingNote).HasMaxLength(SupervisionItem.TextMaxLength);
        b.Property(i => i.Version).IsConcurrencyToken();
        // At most one open item per measure and rule: the daily rules can never open a second one.
        // Closed items have no key (NULLs are distinct in both databases).
        b.HasIndex(i => i.OpenKey).IsUnique();
        // The board: open items by status, level and unit.
        b.HasIndex(i => new { i.Status, i.Level, i.UnitId });
        b.HasIndex(i => new { i.MeasureId, i.Status });
        b.HasIndex(i => i.UnitId);
        b.HasOne<Measure>().WithMany().HasForeignKey(i => i.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.Property(e => e.Reason).HasMaxLength(ExtensionRequest.TextMaxLength);
        b.Property(e => e.DecisionNote).HasMaxLength(ExtensionRequest.TextMaxLength);
        b.Property(e => e.RequestedBy).HasMaxLength(SupervisionItem.PersonMaxLength);
        b.Property(e => e.DecidedBy).HasMaxLength(SupervisionItem.PersonMaxLength);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.MeasureId, e.RequestedAt });
        b.HasIndex(e => new { e.Status, e.UnitId });
        b.HasOne<Measure>().WithMany().HasForeignKey(e => e.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisionRunConfiguration : IEntityTypeConfiguration<SupervisionRun>
{
    public void Configure(EntityTypeBuilder<SupervisionRun> b) => b.HasKey(r => r.Day);
}

internal sealed class DigestSentConfiguration : IEntityTypeConfiguration<DigestSent>
{
    public void Configure(EntityTypeBuilder<DigestSent> b)
    {
        b.HasKey(d => new { d.UserId, d.Day });
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
