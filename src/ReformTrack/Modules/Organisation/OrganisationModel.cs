using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReformTrack.Modules.Organisation;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Code).HasMaxLength(Unit.CodeMaxLength);
        b.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength);
        b.Property(u => u.Path).HasMaxLength(400);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.Path);
        b.HasIndex(u => u.ParentId);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
