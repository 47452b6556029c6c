using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        // Ids are made in code; a child added to a tracked parent's collection must then be inserted, not updated.
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.SharingBasis).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.LawfulBasis).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.LawfulBasisNote).HasMaxLength(1000);
        b.Property(r => r.ConcernsBehaviour).HasMaxLength(2000);
        b.Property(r => r.ConcernsEmotions).HasMaxLength(2000);
        b.Property(r => r.ConcernsThinking).HasMaxLength(2000);
        b.Property(r => r.ConcernsRelationships).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.ReferredBy).WithMany().HasForeignKey(r => r.ReferredById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.AllocatedPsychologist).WithMany().HasForeignKey(r => r.AllocatedPsychologistId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.StageChanges).WithOne().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CaseId, r.ReferredAt });
        // The queue: open referrals by allocation, then urgency and waiting time.
        b.HasIndex(r => new { r.EndedAt, r.AllocatedPsychologistId, r.ReferredAt });
    }
}

internal sealed class PathwayStageChangeConfiguration : IEntityTypeConfiguration<PathwayStageChange>
{
    public void Configure(EntityTypeBuilder<PathwayStageChange> b)
    {
        // Ids are made in code; a child added to a tracked parent's collection must then be inserted, not updated.
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.HasOne(c => c.By).WithMany().HasForeignKey(c => c.ById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ReferralId, c.At });
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        // Ids are made in code; a child added to a tracked parent's collection must then be inserted, not updated.
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Questions).HasMaxLength(8000);
        b.Property(c => c.Advice).HasMaxLength(8000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.RecordedBy).WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Attendees).WithOne().HasForeignKey(a => a.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CaseId, c.HeldOn });
    }
}

internal sealed class ConsultationAttendeeConfiguration : IEntityTypeConfiguration<ConsultationAttendee>
{
    public void Configure(EntityTypeBuilder<ConsultationAttendee> b)
    {
        // Ids are made in code; a child added to a tracked parent's collection must then be inserted, not updated.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Details).HasMaxLength(200);
        b.Property(a => a.Role).HasConversion<string>().HasMaxLength(40);
        b.HasOne(a => a.StaffUser).WithMany().HasForeignKey(a => a.StaffUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationActionConfiguration : IEntityTypeConfiguration<ConsultationAction>
{
    public void Configure(EntityTypeBuilder<ConsultationAction> b)
    {
        // Ids are made in code; a child added to a tracked parent's collection must then be inserted, not updated.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Description).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        // The home page: an owner's open actions by due date.
        b.HasIndex(a => new { a.OwnerId, a.CompletedAt, a.DueOn });
    }
}
