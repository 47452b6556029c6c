using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;
using Pathway.Domain.Training;

namespace Pathway.Data.Configuration;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.Property(c => c.Slug).HasMaxLength(100);
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<CourseVersion>().WithMany().HasForeignKey(c => c.CurrentVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourseVersionConfiguration : IEntityTypeConfiguration<CourseVersion>
{
    public void Configure(EntityTypeBuilder<CourseVersion> b)
    {
        b.HasOne<Course>().WithMany().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.CourseId, v.Number }).IsUnique();
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        // A whole course (lessons included) is tens of kilobytes: unbounded text on both providers.
        b.Property(v => v.ContentJson).HasColumnType("text");
        b.Property(v => v.Version).IsConcurrencyToken();
    }
}

internal sealed class StaffGroupConfiguration : IEntityTypeConfiguration<StaffGroup>
{
    public void Configure(EntityTypeBuilder<StaffGroup> b)
    {
        b.Property(g => g.Key).HasMaxLength(40);
        b.HasIndex(g => g.Key).IsUnique();
        b.Property(g => g.Name).HasMaxLength(200);
        b.Property(g => g.Version).IsConcurrencyToken();
    }
}

internal sealed class StaffGroupRequirementConfiguration : IEntityTypeConfiguration<StaffGroupRequirement>
{
    public void Configure(EntityTypeBuilder<StaffGroupRequirement> b)
    {
        b.HasKey(r => new { r.GroupId, r.CourseId });
        b.HasOne<StaffGroup>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffTrainingGroupConfiguration : IEntityTypeConfiguration<StaffTrainingGroup>
{
    public void Configure(EntityTypeBuilder<StaffTrainingGroup> b)
    {
        b.HasKey(g => g.UserId);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffGroup>().WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.HasOne<StaffUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CourseVersion>().WithMany().HasForeignKey(e => e.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
        // One enrolment per attempt: two "start course" clicks at once cannot both create one.
        b.HasIndex(e => new { e.UserId, e.CourseId, e.Attempt }).IsUnique();
        b.HasIndex(e => e.CourseVersionId);
        b.Property(e => e.LastLessonKey).HasMaxLength(100);
        b.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> b)
    {
        b.HasKey(p => new { p.EnrolmentId, p.LessonKey });
        b.Property(p => p.LessonKey).HasMaxLength(100);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(p => p.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckAnswerConfiguration : IEntityTypeConfiguration<CheckAnswer>
{
    public void Configure(EntityTypeBuilder<CheckAnswer> b)
    {
        b.HasKey(a => new { a.EnrolmentId, a.QuestionKey });
        b.Property(a => a.QuestionKey).HasMaxLength(100);
        b.Property(a => a.OptionKey).HasMaxLength(20);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeTestAttemptConfiguration : IEntityTypeConfiguration<KnowledgeTestAttempt>
{
    public void Configure(EntityTypeBuilder<KnowledgeTestAttempt> b)
    {
        b.Property(a => a.Phase).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => new { a.EnrolmentId, a.Phase });
        b.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttitudeResponseConfiguration : IEntityTypeConfiguration<AttitudeResponse>
{
    public void Configure(EntityTypeBuilder<AttitudeResponse> b)
    {
        b.Property(a => a.Phase).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => new { a.EnrolmentId, a.Phase }).IsUnique();
        b.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseEvaluationConfiguration : IEntityTypeConfiguration<CourseEvaluation>
{
    public void Configure(EntityTypeBuilder<CourseEvaluation> b)
    {
        b.HasKey(e => e.EnrolmentId);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(e => e.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.TrainerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Venue).HasMaxLength(300);
        b.HasIndex(s => new { s.CourseId, s.StartsAt });
        b.HasIndex(s => s.StartsAt);
        // The last line of defence against overbooking: whatever the code does, the database refuses it.
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_TrainingSessions_Places", "\"BookedCount\" >= 0 AND \"BookedCount\" <= \"Capacity\"");
            t.HasCheckConstraint("CK_TrainingSessions_Times", "\"EndsAt\" > \"StartsAt\"");
        });
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class SessionBookingConfiguration : IEntityTypeConfiguration<SessionBooking>
{
    public void Configure(EntityTypeBuilder<SessionBooking> b)
    {
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        // One live booking (or waiting-list place) per person per session; cancelled ones are history.
        b.HasIndex(x => new { x.SessionId, x.UserId }).IsUnique()
            .HasFilter($"\"Status\" <> '{nameof(BookingStatus.Cancelled)}'").HasDatabaseName("IX_SessionBookings_OneLive");
        b.HasIndex(x => new { x.UserId, x.Status });
    }
}

internal sealed class TrainingCertificateConfiguration : IEntityTypeConfiguration<TrainingCertificate>
{
    public void Configure(EntityTypeBuilder<TrainingCertificate> b)
    {
        b.Property(c => c.Number).HasMaxLength(40);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => c.EnrolmentId).IsUnique();
        b.HasIndex(c => c.UserId);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.LearnerName).HasMaxLength(300);
        b.Property(c => c.CourseTitle).HasMaxLength(300);
        b.Property(c => c.CpdHours).HasPrecision(6, 2);
    }
}
