using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class RecallConsiderationConfiguration : IEntityTypeConfiguration<RecallConsideration>
{
    public void Configure(EntityTypeBuilder<RecallConsideration> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Concern).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Circumstances).HasMaxLength(4000);
        b.Property(x => x.RiskSummary).HasMaxLength(4000);
        b.Property(x => x.NoAlternativesReason).HasMaxLength(2000);
        b.Property(x => x.ContingencyAlternatives).HasMaxLength(400);
        b.Property(x => x.ConsultationAdvice).HasMaxLength(4000);
        b.Property(x => x.ConsultationNotPossibleReason).HasMaxLength(2000);
        b.Property(x => x.OversightRationale).HasMaxLength(4000);
        b.Property(x => x.FixedTermAssessment).HasMaxLength(4000);
        b.Property(x => x.RegimeVersionId).HasMaxLength(80);
        b.Property(x => x.RegimeRoute).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CaseId, x.CreatedAt });
        // Team and service views count by status and decision.
        b.HasIndex(x => new { x.Status, x.Decision });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Licence>().WithMany().HasForeignKey(x => x.LicenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Recall>().WithMany().HasForeignKey(x => x.RecallId).OnDelete(DeleteBehavior.Restrict);
        LinkedConditions.Own(b, x => x.BreachedConditions, "RecallConsiderationConditions", "RecallConsiderationId");
        b.OwnsMany(x => x.AlternativesTried, o =>
        {
            o.ToTable("RecallAlternativesTried");
            o.WithOwner().HasForeignKey("RecallConsiderationId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(a => a.Alternative).HasConversion<string>().HasMaxLength(40);
            o.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(40);
            o.Property(a => a.Details).HasMaxLength(2000);
        });
    }
}
