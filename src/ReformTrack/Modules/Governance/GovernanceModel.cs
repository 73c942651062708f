using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Governance;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> b)
    {
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.Title).HasMaxLength(300);
        b.Property(o => o.Path).HasMaxLength(400);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => o.Path);
        b.HasOne<Objective>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.BodyUnitId, m.Number }).IsUnique();
        b.HasIndex(m => m.HeldOn);
        b.HasOne<Unit>().WithMany().HasForeignKey(m => m.BodyUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Reviews).WithOne().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentReviewConfiguration : IEntityTypeConfiguration<DocumentReview>
{
    public void Configure(EntityTypeBuilder<DocumentReview> b)
    {
        b.HasKey(r => new { r.MeetingId, r.DocumentId });
        b.HasIndex(r => r.DocumentId);
        b.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(d => d.Number).HasMaxLength(64);
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => d.Number).IsUnique();
        b.HasIndex(d => d.ParentId);
        b.HasOne<Document>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Clauses).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentClauseConfiguration : IEntityTypeConfiguration<DocumentClause>
{
    public void Configure(EntityTypeBuilder<DocumentClause> b)
    {
        b.Property(c => c.Text).HasMaxLength(2000);
        b.HasIndex(c => new { c.DocumentId, c.Number }).IsUnique();
    }
}
