using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReformTrack.Modules.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Actor).HasMaxLength(200);
        b.Property(a => a.Entity).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.Entity, a.EntityId });
        b.HasIndex(a => a.Actor);
        b.HasIndex(a => a.At);
    }
}
