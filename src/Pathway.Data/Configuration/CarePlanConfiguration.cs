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
        b.HasOne<Assessment>().WithMany().HasForeignKey(p => p.FormulationAssessmentId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class CarePlanGoalConfiguration : IEntityTypeConfiguration<CarePlanGoal>
{
    public void Configure(EntityTypeBuilder<CarePlanGoal> b)
    {
        b.Property(g => g.Area).HasConversion<string>().HasMaxLength(40);
        b.Property(g => g.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(g => g.InOwnWords).HasMaxLength(GoalRules.MaxText);
        b.Property(g => g.Smart).HasMaxLength(GoalRules.MaxText);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasOne<CarePlan>().WithMany().HasForeignKey(g => g.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.CarePlanId, g.Position });
        b.HasMany(g => g.History).WithOne().HasForeignKey(h => h.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CarePlanGoalStatusChangeConfiguration : IEntityTypeConfiguration<CarePlanGoalStatusChange>
{
    public void Configure(EntityTypeBuilder<CarePlanGoalStatusChange> b)
    {
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(40);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(40);
        b.Property(h => h.Note).HasMaxLength(GoalRules.MaxText);
        b.HasIndex(h => h.GoalId);
    }
}

internal sealed class CarePlanActionConfiguration : IEntityTypeConfiguration<CarePlanAction>
{
    public void Configure(EntityTypeBuilder<CarePlanAction> b)
    {
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.What).HasMaxLength(GoalRules.MaxText);
        b.Property(a => a.Who).HasMaxLength(GoalRules.MaxShort);
        b.Property(a => a.When).HasMaxLength(GoalRules.MaxShort);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<CarePlan>().WithMany().HasForeignKey(a => a.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.CarePlanId, a.Position });
    }
}

internal sealed class CarePlanSkillConfiguration : IEntityTypeConfiguration<CarePlanSkill>
{
    public void Configure(EntityTypeBuilder<CarePlanSkill> b)
    {
        b.HasKey(s => new { s.CarePlanId, s.SkillCode });
        b.Property(s => s.SkillCode).HasMaxLength(60);
        b.HasOne<CarePlan>().WithMany().HasForeignKey(s => s.CarePlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
