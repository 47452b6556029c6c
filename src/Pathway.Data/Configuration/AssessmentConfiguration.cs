using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class Ogrs3ScoreConfiguration : IEntityTypeConfiguration<Ogrs3Score>
{
    public void Configure(EntityTypeBuilder<Ogrs3Score> b)
    {
        b.Property(s => s.Sex).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.OffenceCategory).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.Band).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => new { s.CaseId, s.CalculatedAt });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.CalculatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.CaseId, a.SeriesId, a.VersionNumber }).IsUnique();
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.CountersignedBy).WithMany().HasForeignKey(a => a.CountersignedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Ogrs3Score).WithMany().HasForeignKey(a => a.Ogrs3ScoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Fields).WithOne().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Needs).WithOne().HasForeignKey(n => n.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentFieldConfiguration : IEntityTypeConfiguration<AssessmentField>
{
    public void Configure(EntityTypeBuilder<AssessmentField> b)
    {
        b.HasKey(f => new { f.AssessmentId, f.Key });
        b.Property(f => f.Key).HasMaxLength(80);
        b.Property(f => f.Text).HasMaxLength(AssessmentLimits.FieldText);
    }
}

internal sealed class AssessmentNeedConfiguration : IEntityTypeConfiguration<AssessmentNeed>
{
    public void Configure(EntityTypeBuilder<AssessmentNeed> b)
    {
        b.Property(n => n.Area).HasConversion<string>().HasMaxLength(40);
        b.Property(n => n.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.Detail).HasMaxLength(AssessmentLimits.NeedDetail);
        b.HasIndex(n => new { n.AssessmentId, n.Area }).IsUnique();
        // Signposting looks for people with a need in an area.
        b.HasIndex(n => new { n.Area, n.Priority });
    }
}

internal sealed class AssessmentWithheldConfiguration : IEntityTypeConfiguration<AssessmentWithheldInformation>
{
    public void Configure(EntityTypeBuilder<AssessmentWithheldInformation> b)
    {
        b.ToTable("AssessmentWithheldInformation");
        b.HasKey(w => w.AssessmentId);
        b.Property(w => w.Text).HasMaxLength(AssessmentLimits.FieldText);
        b.HasOne<Assessment>().WithOne().HasForeignKey<AssessmentWithheldInformation>(w => w.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Longest texts the assessment stores.</summary>
public static class AssessmentLimits
{
    public const int FieldText = 20000;
    public const int NeedDetail = 2000;
}
