using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.Property(e => e.EventType).HasMaxLength(100);
        b.Property(e => e.Crn).HasMaxLength(20);
        b.Property(e => e.DetailPath).HasMaxLength(500);
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> b)
    {
        b.Property(d => d.Channel).HasMaxLength(20);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.LastError).HasMaxLength(1000);
        b.HasIndex(d => new { d.EventId, d.Channel }).IsUnique();
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
