using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Parks;

internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.MainIndustries).HasMaxLength(500);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Tier);
        b.HasIndex(p => p.Name).IsUnique();
        b.HasIndex(p => p.DistrictUnitId);
        b.HasIndex(p => p.AnnualOutput);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.DistrictUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Designations).WithOne().HasForeignKey(d => d.ParkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParkDesignationConfiguration : IEntityTypeConfiguration<ParkDesignation>
{
    public void Configure(EntityTypeBuilder<ParkDesignation> b)
    {
        b.ToTable("ParkDesignations");
        b.Property(d => d.Title).HasMaxLength(200);
        b.HasIndex(d => new { d.ParkId, d.Kind, d.Level }).IsUnique();
    }
}

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class ChainConfiguration : IEntityTypeConfiguration<Chain>
{
    public void Configure(EntityTypeBuilder<Chain> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Name).IsUnique();
        b.HasIndex(c => c.ClusterId);
        b.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Parks).WithOne().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Enterprises).WithOne().HasForeignKey(e => e.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Measures).WithOne().HasForeignKey(m => m.ChainId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Indicators).WithOne().HasForeignKey(i => i.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChainParkConfiguration : IEntityTypeConfiguration<ChainPark>
{
    public void Configure(EntityTypeBuilder<ChainPark> b)
    {
        b.ToTable("ChainParks");
        b.HasKey(p => new { p.ChainId, p.ParkId });
        b.HasIndex(p => p.ParkId);
        b.HasOne<Park>().WithMany().HasForeignKey(p => p.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChainEnterpriseConfiguration : IEntityTypeConfiguration<ChainEnterprise>
{
    public void Configure(EntityTypeBuilder<ChainEnterprise> b)
    {
        b.ToTable("ChainEnterprises");
        b.Property(e => e.Name).HasMaxLength(200);
        b.HasIndex(e => e.ChainId);
        b.HasIndex(e => e.ParkId);
        b.HasOne<Park>().WithMany().HasForeignKey(e => e.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChainMeasureConfiguration : IEntityTypeConfiguration<ChainMeasure>
{
    public void Configure(EntityTypeBuilder<ChainMeasure> b)
    {
        b.ToTable("ChainMeasures");
        b.HasKey(m => new { m.ChainId, m.MeasureId });
        b.HasIndex(m => m.MeasureId);
        b.HasOne<Measure>().WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// No foreign key to the indicator: Parks knows indicators only through <see cref="Shared.IIndicatorSummaries"/>,
/// which skips a link whose indicator is gone.
/// </summary>
internal sealed class ChainIndicatorConfiguration : IEntityTypeConfiguration<ChainIndicator>
{
    public void Configure(EntityTypeBuilder<ChainIndicator> b)
    {
        b.ToTable("ChainIndicators");
        b.HasKey(i => new { i.ChainId, i.IndicatorId });
        b.HasIndex(i => i.IndicatorId);
    }
}
