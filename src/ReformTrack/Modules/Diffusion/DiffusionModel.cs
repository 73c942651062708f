using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Diffusion;

internal sealed class PilotConfiguration : IEntityTypeConfiguration<Pilot>
{
    public void Configure(EntityTypeBuilder<Pilot> b)
    {
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.GrantingBody).HasMaxLength(200);
        b.Property(p => p.HolderArea).HasMaxLength(200);
        b.Property(p => p.Obligations).HasMaxLength(4000);
        b.Property(p => p.EvaluationOutcome).HasMaxLength(2000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.HolderUnitId);
        b.HasIndex(p => p.EvaluationDueOn);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.HolderUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Measures).WithOne().HasForeignKey(m => m.PilotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PilotMeasureConfiguration : IEntityTypeConfiguration<PilotMeasure>
{
    public void Configure(EntityTypeBuilder<PilotMeasure> b)
    {
        b.HasKey(m => new { m.PilotId, m.MeasureId });
        b.HasIndex(m => m.MeasureId);
        b.HasOne<Measure>().WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InnovationConfiguration : IEntityTypeConfiguration<Innovation>
{
    public void Configure(EntityTypeBuilder<Innovation> b)
    {
        b.Property(i => i.Title).HasMaxLength(300);
        b.Property(i => i.Description).HasMaxLength(4000);
        b.Property(i => i.Evidence).HasMaxLength(2000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.OriginUnitId);
        b.HasIndex(i => i.FirstIntroducedOn);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.OriginUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Replications).WithOne().HasForeignKey(r => r.InnovationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Measures).WithOne().HasForeignKey(m => m.InnovationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReplicationConfiguration : IEntityTypeConfiguration<Replication>
{
    public void Configure(EntityTypeBuilder<Replication> b)
    {
        b.Property(r => r.AdopterPlace).HasMaxLength(200);
        b.Property(r => r.AdopterKey).HasMaxLength(220);
        b.Property(r => r.Evidence).HasMaxLength(2000);
        // The counting rule in the database: an adopter once per innovation and level.
        b.HasIndex(r => new { r.InnovationId, r.Level, r.AdopterKey }).IsUnique();
        b.HasIndex(r => r.AdoptedOn);
        b.HasIndex(r => r.AdopterUnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.AdopterUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Source).WithMany().HasForeignKey(r => r.SourceReplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InnovationMeasureConfiguration : IEntityTypeConfiguration<InnovationMeasure>
{
    public void Configure(EntityTypeBuilder<InnovationMeasure> b)
    {
        b.HasKey(m => new { m.InnovationId, m.MeasureId });
        b.HasIndex(m => m.MeasureId);
        b.HasOne<Measure>().WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HonourConfiguration : IEntityTypeConfiguration<Honour>
{
    public void Configure(EntityTypeBuilder<Honour> b)
    {
        b.Property(h => h.Title).HasMaxLength(300);
        b.Property(h => h.AwardingBody).HasMaxLength(200);
        b.Property(h => h.Description).HasMaxLength(2000);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => h.UnitId);
        b.HasIndex(h => h.Year);
        b.HasOne<Unit>().WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Measure>().WithMany().HasForeignKey(h => h.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Innovation>().WithMany().HasForeignKey(h => h.InnovationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pilot>().WithMany().HasForeignKey(h => h.PilotId).OnDelete(DeleteBehavior.Restrict);
    }
}
