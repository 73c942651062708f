using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Ledger;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        b.Property(m => m.Code).HasMaxLength(Measure.CodeMaxLength);
        b.Property(m => m.Title).HasMaxLength(Measure.TitleMaxLength);
        b.Property(m => m.Description).HasMaxLength(4000);
        b.Property(m => m.StatusReason).HasMaxLength(1000);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.PrimitiveCollection(m => m.Tags);
        b.HasIndex(m => m.Code).IsUnique();
        // The ledger's filters: by unit (subtree via Units.Path), by status and due date, by objective.
        // StartOn, Progress and ObjectiveId ride along so that counting lights (the ledger's totals and the
        // dashboard's figures) reads the index alone, never the table rows.
        b.HasIndex(m => new { m.LeadUnitId, m.Status, m.DueOn, m.StartOn, m.Progress, m.ObjectiveId });
        // LeadUnitId too: a page sorted by due date walks this index in order and tests the unit subtree
        // without reading the table, so only the rows on the page are read.
        b.HasIndex(m => new { m.Status, m.DueOn, m.StartOn, m.Progress, m.ObjectiveId, m.LeadUnitId });
        // The dashboard's completions per month, for the whole ledger or a unit's subtree, from the index alone.
        b.HasIndex(m => new { m.Status, m.CompletedOn, m.LeadUnitId });
        // By objective, with the status and progress the portal's figures count: its one pass over the
        // ledger reads this index in order, grouping as it goes, without reading a row or sorting.
        b.HasIndex(m => new { m.ObjectiveId, m.Status, m.Progress });
        b.HasIndex(m => m.DocumentId);
        b.HasIndex(m => m.ClauseId);
        b.HasOne<Unit>().WithMany().HasForeignKey(m => m.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Objective>().WithMany().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DocumentClause>().WithMany().HasForeignKey(m => m.ClauseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.CoUnits).WithOne().HasForeignKey(c => c.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Milestones).WithOne().HasForeignKey(s => s.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureCoUnitConfiguration : IEntityTypeConfiguration<MeasureCoUnit>
{
    public void Configure(EntityTypeBuilder<MeasureCoUnit> b)
    {
        b.HasKey(c => new { c.MeasureId, c.UnitId });
        b.HasIndex(c => c.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Evidence).HasMaxLength(2000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.MeasureId, s.DueOn });
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ComplexProperty(r => r.Content, c =>
        {
            c.Property(x => x.Period).HasMaxLength(7).HasColumnName("Period");
            c.Property(x => x.Percent).HasColumnName("Percent");
            c.Property(x => x.Done).HasMaxLength(ReportContent.TextMaxLength).HasColumnName("Done");
            c.Property(x => x.Obstacles).HasMaxLength(ReportContent.TextMaxLength).HasColumnName("Obstacles");
            c.Property(x => x.NextSteps).HasMaxLength(ReportContent.TextMaxLength).HasColumnName("NextSteps");
            c.Property(x => x.Confidence).HasColumnName("Confidence");
            c.Property(x => x.Explanation).HasMaxLength(ReportContent.TextMaxLength).HasColumnName("Explanation");
            c.Property(x => x.Evidence).HasMaxLength(ReportContent.TextMaxLength).HasColumnName("Evidence");
        });
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.Property(r => r.ReviewedBy).HasMaxLength(100);
        b.Property(r => r.ReturnReason).HasMaxLength(2000);
        b.Property(r => r.ReviewNote).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.MeasureId, r.SubmittedAt });
        b.HasIndex(r => new { r.Status, r.SubmittedAt });
        b.HasOne<Measure>().WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
