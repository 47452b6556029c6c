using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;

namespace Pathway.Data.Configuration;

internal sealed class CarePlanConfiguration : IEntityTypeConfiguration<CarePlan>
{
    public void Configure(EntityTypeBuilder<CarePlan> b)
    {
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Agreement).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Reason).HasMaxLength(500);
        b.Property(p => p.AgreementReason).HasMaxLength(2000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CaseId, p.Number }).IsUnique();
        // One active plan and one open version per case, whatever two people do at once. The quoted column works on both providers.
        b.HasIndex(p => p.CaseId).IsUnique().HasFilter($"\"Status\" = '{nameof(CarePlanStatus.Active)}'").HasDatabaseName("IX_CarePlans_OneActive");
        b.HasIndex(p => p.CaseId).IsUnique()
            .HasFilter($"\"Status\" IN ('{nameof(CarePlanStatus.Draft)}', '{nameof(CarePlanStatus.AwaitingCountersignature)}')")
            .HasDatabaseName("IX_CarePlans_OneOpen");
        b.HasIndex(p => new { p.Status, p.ReviewDate });
        b.HasMany(p => p.Texts).WithOne().HasForeignKey(t => t.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CarePlanRestrictedNote>().WithOne().HasForeignKey<CarePlanRestrictedNote>(n => n.CarePlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CarePlanTextConfiguration : IEntityTypeConfiguration<CarePlanText>
{
    public void Configure(EntityTypeBuilder<CarePlanText> b)
    {
        b.HasKey(t => new { t.CarePlanId, t.Key });
        b.Property(t => t.Key).HasMaxLength(60);
        b.Property(t => t.Text).HasMaxLength(CarePlanFields.MaxLength);
    }
}

internal sealed class CarePlanRestrictedNoteConfiguration : IEntityTypeConfiguration<CarePlanRestrictedNote>
{
    public void Configure(EntityTypeBuilder<CarePlanRestrictedNote> b)
    {
        b.HasKey(n => n.CarePlanId);
        b.Property(n => n.Text).HasMaxLength(CarePlanFields.MaxLength);
    }
}
