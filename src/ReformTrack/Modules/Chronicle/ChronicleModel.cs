using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Chronicle;

internal sealed class ChronicleEventConfiguration : IEntityTypeConfiguration<ChronicleEvent>
{
    public void Configure(EntityTypeBuilder<ChronicleEvent> b)
    {
        b.Property(e => e.Title).HasMaxLength(ChronicleEvent.TitleMaxLength);
        b.Property(e => e.Description).HasMaxLength(ChronicleEvent.DescriptionMaxLength);
        b.Property(e => e.Key).HasMaxLength(ChronicleEvent.KeyMaxLength);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.Derived);
        // A fact is stored once: deriving again finds its key and adds nothing. Events recorded by hand have none.
        b.HasIndex(e => e.Key).IsUnique();
        // The look-back page: a range of years, newest first.
        b.HasIndex(e => new { e.Date, e.Category });
        b.HasIndex(e => e.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Links).WithOne().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChronicleLinkConfiguration : IEntityTypeConfiguration<ChronicleLink>
{
    public void Configure(EntityTypeBuilder<ChronicleLink> b)
    {
        b.Property(l => l.Kind).HasMaxLength(16);
        b.HasIndex(l => new { l.EventId, l.Kind, l.TargetId }).IsUnique();
        b.HasIndex(l => new { l.Kind, l.TargetId });
    }
}
