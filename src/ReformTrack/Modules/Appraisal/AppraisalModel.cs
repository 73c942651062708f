using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Modules.Appraisal;

internal sealed class AppraisalSchemeConfiguration : IEntityTypeConfiguration<AppraisalScheme>
{
    public void Configure(EntityTypeBuilder<AppraisalScheme> b)
    {
        b.Property(s => s.Code).HasMaxLength(AppraisalScheme.CodeMaxLength);
        b.Property(s => s.Title).HasMaxLength(AppraisalScheme.TitleMaxLength);
        b.Property(s => s.PublishedBy).HasMaxLength(100);
        b.Property(s => s.ExcellentFrom).HasPrecision(9, 2);
        b.Property(s => s.GoodFrom).HasPrecision(9, 2);
        b.Property(s => s.PassFrom).HasPrecision(9, 2);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Bands);
        b.HasIndex(s => new { s.Code, s.Revision }).IsUnique();
        b.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchemeCriterionConfiguration : IEntityTypeConfiguration<SchemeCriterion>
{
    public void Configure(EntityTypeBuilder<SchemeCriterion> b)
    {
        b.ToTable("AppraisalCriteria");
        b.Property(c => c.Weight).HasPrecision(9, 2);
        b.Property(c => c.PointsPerItem).HasPrecision(9, 4);
        b.Property(c => c.Cap).HasPrecision(9, 2);
        b.HasIndex(c => new { c.SchemeId, c.Kind }).IsUnique();
    }
}

internal sealed class AppraisalRunConfiguration : IEntityTypeConfiguration<AppraisalRun>
{
    public void Configure(EntityTypeBuilder<AppraisalRun> b)
    {
        b.Property(r => r.SchemeCode).HasMaxLength(AppraisalScheme.CodeMaxLength);
        b.Property(r => r.SubjectKind).HasMaxLength(32);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.PublishedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.SeriesId);
        // The period lock: the published runs of a scheme code, by period.
        b.HasIndex(r => new { r.SchemeCode, r.Status, r.From, r.To });
        b.HasOne<AppraisalScheme>().WithMany().HasForeignKey(r => r.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.RootUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Results).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Values).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppraisalResultConfiguration : IEntityTypeConfiguration<AppraisalResult>
{
    public void Configure(EntityTypeBuilder<AppraisalResult> b)
    {
        b.Property(r => r.UnitCode).HasMaxLength(Unit.CodeMaxLength);
        b.Property(r => r.UnitName).HasMaxLength(Unit.NameMaxLength);
        b.Property(r => r.Score).HasPrecision(12, 2);
        b.HasIndex(r => new { r.RunId, r.UnitId }).IsUnique();
        b.HasIndex(r => r.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppraisalValueConfiguration : IEntityTypeConfiguration<AppraisalValue>
{
    public void Configure(EntityTypeBuilder<AppraisalValue> b)
    {
        b.Property(v => v.Raw).HasPrecision(18, 4);
        b.Property(v => v.Contribution).HasPrecision(12, 2);
        b.Property(v => v.Note).HasMaxLength(AppraisalValue.NoteMaxLength);
        b.HasIndex(v => new { v.RunId, v.UnitId, v.Kind }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppraisalAppealConfiguration : IEntityTypeConfiguration<AppraisalAppeal>
{
    public void Configure(EntityTypeBuilder<AppraisalAppeal> b)
    {
        b.Property(a => a.Reason).HasMaxLength(AppraisalAppeal.TextMaxLength);
        b.Property(a => a.Decision).HasMaxLength(AppraisalAppeal.TextMaxLength);
        b.Property(a => a.FiledBy).HasMaxLength(100);
        b.Property(a => a.DecidedBy).HasMaxLength(100);
        b.Property(a => a.RequestedValue).HasPrecision(18, 4);
        b.Property(a => a.CorrectedValue).HasPrecision(18, 4);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.RunId, a.Status });
        b.HasOne<AppraisalRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppraisalRun>().WithMany().HasForeignKey(a => a.NewRunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
