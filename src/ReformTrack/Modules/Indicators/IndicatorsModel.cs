using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Indicators;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(i => i.Code).HasMaxLength(Indicator.CodeMaxLength);
        b.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength);
        b.Property(i => i.UnitOfMeasure).HasMaxLength(Indicator.UnitOfMeasureMaxLength);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.Code).IsUnique();
        b.HasIndex(i => i.Published);
        b.Ignore(i => i.Trajectory);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.TrajectoryPoints).WithOne().HasForeignKey(p => p.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Observations).WithOne().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Objectives).WithOne().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Measures).WithOne().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrajectoryPointConfiguration : IEntityTypeConfiguration<TrajectoryPoint>
{
    public void Configure(EntityTypeBuilder<TrajectoryPoint> b) => b.HasKey(p => new { p.IndicatorId, p.On });
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.Property(o => o.Source).HasMaxLength(Observation.SourceMaxLength);
        b.Property(o => o.RecordedBy).HasMaxLength(200);
        b.HasIndex(o => new { o.IndicatorId, o.On });
        b.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorObjectiveConfiguration : IEntityTypeConfiguration<IndicatorObjective>
{
    public void Configure(EntityTypeBuilder<IndicatorObjective> b)
    {
        b.HasKey(l => new { l.IndicatorId, l.ObjectiveId });
        b.HasIndex(l => l.ObjectiveId);
        b.HasOne<Objective>().WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorMeasureConfiguration : IEntityTypeConfiguration<IndicatorMeasure>
{
    public void Configure(EntityTypeBuilder<IndicatorMeasure> b)
    {
        b.HasKey(l => new { l.IndicatorId, l.MeasureId });
        b.HasIndex(l => l.MeasureId);
        b.HasOne<Measure>().WithMany().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
