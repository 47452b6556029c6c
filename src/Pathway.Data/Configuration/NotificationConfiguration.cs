using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.EventType).HasMaxLength(100);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Text).HasMaxLength(300);
        b.Property(n => n.Link).HasMaxLength(500);
        // One notice per person per event: a delivery repeated after a crash adds nothing.
        b.HasIndex(n => new { n.EventId, n.RecipientId }).IsUnique();
        b.HasIndex(n => new { n.RecipientId, n.ReadAt });
        b.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OutboxEvent>().WithMany().HasForeignKey(n => n.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => new { p.UserId, p.Kind });
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SentEmailConfiguration : IEntityTypeConfiguration<SentEmail>
{
    public void Configure(EntityTypeBuilder<SentEmail> b)
    {
        b.Property(e => e.Recipient).HasMaxLength(320);
        b.Property(e => e.TemplateId).HasMaxLength(100);
        b.Property(e => e.Personalisation).HasMaxLength(2000);
        b.Property(e => e.Reference).HasMaxLength(200);
        // Notify's reference: the same email to the same person is kept once.
        b.HasIndex(e => new { e.Reference, e.Recipient }).IsUnique();
        b.HasIndex(e => e.SentAt);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}
