using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;
using Pathway.Domain.Incidents;

namespace Pathway.Data.Configuration;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(i => i.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Location).HasMaxLength(200);
        b.Property(i => i.Trigger).HasMaxLength(200);
        b.Property(i => i.Description).HasMaxLength(4000);
        b.Property(i => i.StaffResponse).HasMaxLength(4000);
        b.Property(i => i.WhoWasInformed).HasMaxLength(1000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.CaseId, i.OccurredAt });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.ChainAnalysis).WithOne().HasForeignKey<ChainAnalysis>(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChainAnalysisConfiguration : IEntityTypeConfiguration<ChainAnalysis>
{
    public void Configure(EntityTypeBuilder<ChainAnalysis> b)
    {
        foreach (var p in new[] { nameof(ChainAnalysis.ProblemBehaviour), nameof(ChainAnalysis.VulnerabilityFactors), nameof(ChainAnalysis.PromptingEvent),
                     nameof(ChainAnalysis.ShortTermConsequences), nameof(ChainAnalysis.LongTermConsequences), nameof(ChainAnalysis.Function),
                     nameof(ChainAnalysis.PreventionAndRepair) })
            b.Property<string?>(p).HasMaxLength(4000);
        b.Property(a => a.FunctionCategory).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.IncidentId).IsUnique();
        b.HasIndex(a => a.CaseId);
        b.HasMany(a => a.Links).WithOne().HasForeignKey(l => l.AnalysisId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChainAnalysisLinkConfiguration : IEntityTypeConfiguration<ChainAnalysisLink>
{
    public void Configure(EntityTypeBuilder<ChainAnalysisLink> b)
    {
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Text).HasMaxLength(Chain.MaxLinkLength);
        b.Property(l => l.SkillCode).HasMaxLength(40);
        b.HasIndex(l => new { l.AnalysisId, l.Position });
    }
}
