using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> b)
    {
        b.ToTable("Cases");
        b.Property(c => c.Crn).HasMaxLength(7);
        b.HasIndex(c => c.Crn).IsUnique();
        b.Property(c => c.PncNumber).HasMaxLength(13);
        b.Property(c => c.GivenName).HasMaxLength(100);
        b.Property(c => c.FamilyName).HasMaxLength(100);
        b.Property(c => c.GivenNameSearch).HasMaxLength(100);
        b.Property(c => c.FamilyNameSearch).HasMaxLength(100);
        b.HasIndex(c => new { c.FamilyNameSearch, c.GivenNameSearch });
        b.HasIndex(c => c.GivenNameSearch);
        b.Property(c => c.Gender).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Ethnicity).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.RoshLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.MappaCategory).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.MappaLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.AddressLine1).HasMaxLength(200);
        b.Property(c => c.AddressLine2).HasMaxLength(200);
        b.Property(c => c.TownOrCity).HasMaxLength(100);
        b.Property(c => c.Postcode).HasMaxLength(10);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.TeamId, c.FamilyNameSearch });
        b.HasIndex(c => new { c.OffenderManagerId, c.FamilyNameSearch });
        b.HasIndex(c => new { c.PsychologistId, c.FamilyNameSearch });
        b.HasIndex(c => c.ApprovedPremisesId);
        b.HasIndex(c => c.ReferredToServiceOn);
        b.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.ApprovedPremises).WithMany().HasForeignKey(c => c.ApprovedPremisesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.OffenderManager).WithMany().HasForeignKey(c => c.OffenderManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.ApKeyworker).WithMany().HasForeignKey(c => c.ApKeyworkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Psychologist).WithMany().HasForeignKey(c => c.PsychologistId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Shares).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.NamedStaff).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Licences).WithOne(l => l.Case).HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.FullName);
        b.Ignore(c => c.ListName);
    }
}

internal sealed class CaseShareConfiguration : IEntityTypeConfiguration<CaseShare>
{
    public void Configure(EntityTypeBuilder<CaseShare> b)
    {
        b.HasKey(s => new { s.CaseId, s.TeamId });
        b.HasIndex(s => s.TeamId);
        b.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseNamedStaffConfiguration : IEntityTypeConfiguration<CaseNamedStaff>
{
    public void Configure(EntityTypeBuilder<CaseNamedStaff> b)
    {
        b.HasKey(s => new { s.CaseId, s.UserId });
        b.HasIndex(s => s.UserId);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
