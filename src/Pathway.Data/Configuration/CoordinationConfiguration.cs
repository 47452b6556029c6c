using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.OrganisationId).IsUnique();
        b.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Representatives).WithOne(r => r.Member).HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupRepresentativeConfiguration : IEntityTypeConfiguration<GroupRepresentative>
{
    public void Configure(EntityTypeBuilder<GroupRepresentative> b)
    {
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Email).HasMaxLength(320);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.StaffUserId);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.StaffUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupMeetingConfiguration : IEntityTypeConfiguration<GroupMeeting>
{
    public void Configure(EntityTypeBuilder<GroupMeeting> b)
    {
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.MeetingOn);
        b.HasOne<GroupRepresentative>().WithMany().HasForeignKey(m => m.ChairId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupAttendanceConfiguration : IEntityTypeConfiguration<GroupAttendance>
{
    public void Configure(EntityTypeBuilder<GroupAttendance> b)
    {
        b.HasIndex(a => new { a.MeetingId, a.RepresentativeId }).IsUnique();
        b.HasOne<GroupRepresentative>().WithMany().HasForeignKey(a => a.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupAgendaItemConfiguration : IEntityTypeConfiguration<GroupAgendaItem>
{
    public void Configure(EntityTypeBuilder<GroupAgendaItem> b)
    {
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.SharingBasis).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.LawfulBasis).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.LawfulBasisNote).HasMaxLength(1000);
        b.Property(i => i.Minutes).HasMaxLength(8000);
        b.Property(i => i.Decisions).HasMaxLength(8000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.CaseId);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupActionConfiguration : IEntityTypeConfiguration<GroupAction>
{
    public void Configure(EntityTypeBuilder<GroupAction> b)
    {
        b.Property(a => a.Description).HasMaxLength(1000);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Version).IsConcurrencyToken();
        // The actions list and the home page read open actions by due date and owner.
        b.HasIndex(a => new { a.Status, a.DueOn });
        b.HasIndex(a => a.OwnerStaffUserId);
        b.HasOne<GroupMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GroupAgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GroupRepresentative>().WithMany().HasForeignKey(a => a.OwnerRepresentativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.OwnerStaffUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
