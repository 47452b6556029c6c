using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class DirectoryOrganisationConfiguration : IEntityTypeConfiguration<DirectoryOrganisation>
{
    public void Configure(EntityTypeBuilder<DirectoryOrganisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.Sector).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.Website).HasMaxLength(500);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne(o => o.PartnerTeam).WithMany().HasForeignKey(o => o.PartnerTeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Services).WithOne(s => s.Organisation).HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectoryServiceConfiguration : IEntityTypeConfiguration<DirectoryService>
{
    public void Configure(EntityTypeBuilder<DirectoryService> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasIndex(s => new { s.OrganisationId, s.Name }).IsUnique();
        b.Property(s => s.Description).HasMaxLength(2000);
        // Small lists stored in the row (JSON on SQLite, arrays on PostgreSQL); the directory is read whole for matching.
        b.PrimitiveCollection(s => s.NeedsMet).ElementType().HasConversion<string>();
        b.PrimitiveCollection(s => s.Genders).ElementType().HasConversion<string>();
        b.PrimitiveCollection(s => s.AreasServed);
        b.PrimitiveCollection(s => s.AreasExcluded);
        b.Property(s => s.RoshCeiling).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.OtherEligibility).HasMaxLength(1000);
        b.Property(s => s.ReferralRoute).HasMaxLength(1000);
        b.Property(s => s.Contact).HasMaxLength(500);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Eligibility);
    }
}

internal sealed class SignpostingReferralConfiguration : IEntityTypeConfiguration<SignpostingReferral>
{
    public void Configure(EntityTypeBuilder<SignpostingReferral> b)
    {
        b.Property(r => r.Need).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ReasonForReferral).HasMaxLength(2000);
        b.Property(r => r.StaffSafetySummary).HasMaxLength(1000);
        b.Property(r => r.ContactRoute).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.CaseId);
        // The partner's list and the reminders read by service and status.
        b.HasIndex(r => new { r.ServiceId, r.Status });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignpostingReferralEventConfiguration : IEntityTypeConfiguration<SignpostingReferralEvent>
{
    public void Configure(EntityTypeBuilder<SignpostingReferralEvent> b)
    {
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(1000);
    }
}

internal sealed class UnmetNeedConfiguration : IEntityTypeConfiguration<UnmetNeed>
{
    public void Configure(EntityTypeBuilder<UnmetNeed> b)
    {
        b.Property(u => u.Need).HasConversion<string>().HasMaxLength(40);
        b.Property(u => u.District).HasMaxLength(8);
        b.HasIndex(u => new { u.CaseId, u.Need });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(u => u.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
