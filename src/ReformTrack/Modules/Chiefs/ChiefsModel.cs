using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Chiefs;

internal sealed class WaterConfiguration : IEntityTypeConfiguration<Water>
{
    public void Configure(EntityTypeBuilder<Water> b)
    {
        b.ToTable("Waters");
        b.Property(w => w.Name).HasMaxLength(200);
        b.Property(w => w.Description).HasMaxLength(2000);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => new { w.Name, w.DistrictUnitId }).IsUnique();
        b.HasIndex(w => w.DistrictUnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(w => w.DistrictUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Water>().WithMany().HasForeignKey(w => w.RiverId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChiefAssignmentConfiguration : IEntityTypeConfiguration<ChiefAssignment>
{
    public void Configure(EntityTypeBuilder<ChiefAssignment> b)
    {
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.IsCurrent);
        b.HasIndex(a => new { a.ObjectKind, a.ObjectId, a.Level });
        b.HasIndex(a => a.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.DeputyPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChiefAssignment>().WithMany().HasForeignKey(a => a.PredecessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Property(i => i.Inspector).HasMaxLength(100);
        b.Property(i => i.Findings).HasMaxLength(4000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.AssignmentId);
        b.HasOne<ChiefAssignment>().WithMany().HasForeignKey(i => i.AssignmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("EvidenceFiles");
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.UploadedBy).HasMaxLength(200);
        b.HasIndex(f => f.InspectionId);
        b.HasOne<Inspection>().WithMany().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChiefIssueConfiguration : IEntityTypeConfiguration<ChiefIssue>
{
    public void Configure(EntityTypeBuilder<ChiefIssue> b)
    {
        b.Property(i => i.Description).HasMaxLength(2000);
        b.Property(i => i.Rectification).HasMaxLength(2000);
        b.Property(i => i.ReopenReason).HasMaxLength(1000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.IsResolved);
        b.HasIndex(i => i.AssignmentId);
        b.HasIndex(i => new { i.Status, i.DueOn });
        b.HasOne<ChiefAssignment>().WithMany().HasForeignKey(i => i.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspection>().WithMany().HasForeignKey(i => i.InspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
