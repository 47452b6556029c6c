using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasKey(a => a.Sequence);
        // The sequence is assigned under the audit lock, never by the database, so a fork fails on the key.
        b.Property(a => a.Sequence).ValueGeneratedNever();
        b.Property(a => a.Role).HasMaxLength(60);
        b.Property(a => a.Action).HasMaxLength(80);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(80);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.RequestId).HasMaxLength(100);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        // Empty only on rows written before keying, until start-up re-signs them (AuditChainKeying).
        b.Property(a => a.KeyId).HasMaxLength(64).HasDefaultValue("");
        b.HasIndex(a => new { a.CaseId, a.Sequence });
        b.HasIndex(a => new { a.UserId, a.Sequence });
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(16);
        // Tokens made before this column existed cannot show they came from a two-factor session.
        b.Property(t => t.IssuedVia).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ApiTokenIssuance.Unverified);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> b)
    {
        b.Property(g => g.Reason).HasMaxLength(2000);
        b.Property(g => g.ReviewNote).HasMaxLength(2000);
        b.HasIndex(g => new { g.UserId, g.CaseId, g.ExpiresAt });
        b.HasIndex(g => g.ReviewedAt);
        b.HasOne(g => g.Case).WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(g => g.User).WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
