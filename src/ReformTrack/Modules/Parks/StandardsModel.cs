using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReformTrack.Modules.Parks;

internal sealed class StandardConfiguration : IEntityTypeConfiguration<Standard>
{
    public void Configure(EntityTypeBuilder<Standard> b)
    {
        b.ToTable("ParkStandards");
        b.Property(s => s.Code).HasMaxLength(Standard.CodeMaxLength);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.PublishedBy).HasMaxLength(200);
        b.Property(s => s.ExcellentFrom).HasPrecision(9, 2);
        b.Property(s => s.GoodFrom).HasPrecision(9, 2);
        b.Property(s => s.PassFrom).HasPrecision(9, 2);
        b.Property(s => s.RectifyBelow).HasPrecision(5, 4);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Bands);
        b.HasIndex(s => new { s.Code, s.Revision }).IsUnique();
        b.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.StandardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StandardCriterionConfiguration : IEntityTypeConfiguration<StandardCriterion>
{
    public void Configure(EntityTypeBuilder<StandardCriterion> b)
    {
        b.ToTable("ParkStandardCriteria");
        b.Property(c => c.Key).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Weight).HasPrecision(9, 2);
        b.Property(c => c.Target).HasPrecision(18, 4);
        b.Ignore(c => c.ByAssessor);
        b.HasIndex(c => new { c.StandardId, c.Key }).IsUnique();
    }
}

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.FinalisedBy).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.AssessedOn);
        b.HasIndex(r => r.StandardId);
        b.HasOne<Standard>().WithMany().HasForeignKey(r => r.StandardId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Parks).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.AssessorScores).WithOne().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessedParkConfiguration : IEntityTypeConfiguration<AssessedPark>
{
    public void Configure(EntityTypeBuilder<AssessedPark> b)
    {
        b.ToTable("AssessedParks");
        b.HasKey(p => new { p.RoundId, p.ParkId });
        b.Property(p => p.Score).HasPrecision(12, 2);
        b.HasIndex(p => p.ParkId);
        b.HasOne<Park>().WithMany().HasForeignKey(p => p.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessorScoreConfiguration : IEntityTypeConfiguration<AssessorScore>
{
    public void Configure(EntityTypeBuilder<AssessorScore> b)
    {
        b.ToTable("AssessorScores");
        b.Property(s => s.CriterionKey).HasMaxLength(40);
        b.Property(s => s.Points).HasPrecision(9, 2);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.Property(s => s.EnteredBy).HasMaxLength(200);
        b.HasIndex(s => new { s.RoundId, s.ParkId, s.CriterionKey }).IsUnique();
        b.HasIndex(s => s.ParkId);
        b.HasOne<Park>().WithMany().HasForeignKey(s => s.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentValueConfiguration : IEntityTypeConfiguration<AssessmentValue>
{
    public void Configure(EntityTypeBuilder<AssessmentValue> b)
    {
        b.ToTable("AssessmentValues");
        b.Property(v => v.CriterionKey).HasMaxLength(40);
        b.Property(v => v.Raw).HasPrecision(18, 4);
        b.Property(v => v.Points).HasPrecision(12, 2);
        b.HasIndex(v => new { v.RoundId, v.ParkId, v.CriterionKey }).IsUnique();
        b.HasIndex(v => v.ParkId);
        b.HasOne<Park>().WithMany().HasForeignKey(v => v.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParkRectificationConfiguration : IEntityTypeConfiguration<ParkRectification>
{
    public void Configure(EntityTypeBuilder<ParkRectification> b)
    {
        b.ToTable("ParkRectifications");
        b.Property(r => r.CriterionKey).HasMaxLength(40);
        b.HasIndex(r => new { r.RoundId, r.ParkId });
        b.HasIndex(r => r.ParkId);
        b.HasIndex(r => r.ChiefIssueId).IsUnique();
        b.HasOne<AssessmentRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Park>().WithMany().HasForeignKey(r => r.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Chiefs.ChiefIssue>().WithMany().HasForeignKey(r => r.ChiefIssueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentEvidenceConfiguration : IEntityTypeConfiguration<AssessmentEvidence>
{
    public void Configure(EntityTypeBuilder<AssessmentEvidence> b)
    {
        b.ToTable("AssessmentEvidence");
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.UploadedBy).HasMaxLength(200);
        b.HasIndex(f => f.AssessorScoreId);
        b.HasOne<AssessorScore>().WithMany().HasForeignKey(f => f.AssessorScoreId).OnDelete(DeleteBehavior.Cascade);
    }
}
