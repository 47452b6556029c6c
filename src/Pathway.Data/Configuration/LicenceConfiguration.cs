using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> b)
    {
        b.Property(l => l.SentenceType).HasConversion<string>().HasMaxLength(80);
        b.Property(l => l.IndexOffence).HasMaxLength(500);
        b.Property(l => l.StandardConditionSetCode).HasMaxLength(40);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.CaseId, l.ReleaseDate });
        b.HasOne(l => l.StandardConditionSet).WithMany().HasForeignKey(l => l.StandardConditionSetCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.AdditionalConditions).WithOne().HasForeignKey(c => c.LicenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Recalls).WithOne().HasForeignKey(r => r.LicenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdditionalConditionConfiguration : IEntityTypeConfiguration<AdditionalCondition>
{
    public void Configure(EntityTypeBuilder<AdditionalCondition> b)
    {
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Text).HasMaxLength(2000);
    }
}

internal sealed class RecallConfiguration : IEntityTypeConfiguration<Recall>
{
    public void Configure(EntityTypeBuilder<Recall> b)
    {
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CaseId, r.RecallDate });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StandardConditionSetConfiguration : IEntityTypeConfiguration<StandardConditionSet>
{
    public void Configure(EntityTypeBuilder<StandardConditionSet> b)
    {
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(40);
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SetCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StandardConditionItemConfiguration : IEntityTypeConfiguration<StandardConditionItem>
{
    public void Configure(EntityTypeBuilder<StandardConditionItem> b)
    {
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.SetCode).HasMaxLength(40);
        b.Property(i => i.Text).HasMaxLength(1000);
    }
}
