using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.Request).HasMaxLength(500);
        b.Property(r => r.BodyHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(500);
        // One key per user: the second of two concurrent requests with a key fails on this index instead of creating twice.
        b.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
