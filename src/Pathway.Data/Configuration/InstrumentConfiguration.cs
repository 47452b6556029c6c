using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class InstrumentDefinitionConfiguration : IEntityTypeConfiguration<InstrumentDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<InstrumentDefinitionRecord> b)
    {
        b.ToTable("InstrumentDefinitions");
        b.Property(d => d.Key).HasMaxLength(60);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Source).HasMaxLength(40);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        // Definitions are documents; the HCR-20 sheet alone is several kilobytes.
        b.Property(d => d.Json).HasMaxLength(1_000_000);
        b.HasIndex(d => new { d.Key, d.Version }).IsUnique();
    }
}

internal sealed class InstrumentResponseConfiguration : IEntityTypeConfiguration<InstrumentResponse>
{
    public void Configure(EntityTypeBuilder<InstrumentResponse> b)
    {
        b.ToTable("InstrumentResponses");
        b.Property(r => r.InstrumentKey).HasMaxLength(60);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.AnswersJson).HasMaxLength(100_000);
        b.Property(r => r.GateAnswersJson).HasMaxLength(10_000);
        b.Property(r => r.ResultJson).HasMaxLength(100_000);
        b.Property(r => r.OverrideReason).HasMaxLength(2000);
        b.Property(r => r.ReasonsJson).HasMaxLength(50_000);
        b.Property(r => r.Outcome).HasMaxLength(40);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CaseId, r.StartedAt });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Definition).WithMany().HasForeignKey(r => r.DefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}
