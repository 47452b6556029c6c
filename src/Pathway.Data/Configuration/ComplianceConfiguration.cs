using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Data.Entities;

namespace Pathway.Data.Configuration;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.Property(c => c.Notes).HasMaxLength(4000);
        b.Property(c => c.Version).IsConcurrencyToken();
        // Compliance and signals read a case's contacts by date, and team lists read many cases' recent contacts.
        b.HasIndex(c => new { c.CaseId, c.Date });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class LinkedConditions
{
    public static void Own<T>(EntityTypeBuilder<T> b, System.Linq.Expressions.Expression<Func<T, IEnumerable<LinkedCondition>?>> nav, string table, string owner)
        where T : class =>
        b.OwnsMany(nav, o =>
        {
            o.ToTable(table);
            o.WithOwner().HasForeignKey(owner);
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(x => x.Ref).HasMaxLength(60);
            o.Property(x => x.Text).HasMaxLength(2000);
        });
}

internal sealed class BehaviourOfConcernConfiguration : IEntityTypeConfiguration<BehaviourOfConcern>
{
    public void Configure(EntityTypeBuilder<BehaviourOfConcern> b)
    {
        b.ToTable("BehavioursOfConcern");
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.MatchedEarlyWarningSign).HasMaxLength(500);
        b.Property(c => c.CarePlanSignKey).HasMaxLength(60);
        b.HasOne<CarePlan>().WithMany().HasForeignKey(c => c.CarePlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CaseId, c.Date });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        LinkedConditions.Own(b, c => c.Conditions, "BehaviourOfConcernConditions", "ConcernId");
    }
}

internal sealed class WarningLetterConfiguration : IEntityTypeConfiguration<WarningLetter>
{
    public void Configure(EntityTypeBuilder<WarningLetter> b)
    {
        b.Property(w => w.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.Circumstances).HasMaxLength(4000);
        b.HasIndex(w => new { w.CaseId, w.IssuedOn });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Licence>().WithMany().HasForeignKey(w => w.LicenceId).OnDelete(DeleteBehavior.Restrict);
        LinkedConditions.Own(b, w => w.Conditions, "WarningLetterConditions", "WarningLetterId");
    }
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> b)
    {
        b.Property(x => x.Description).HasMaxLength(4000);
        b.HasIndex(x => new { x.CaseId, x.OccurredOn });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Licence>().WithMany().HasForeignKey(x => x.LicenceId).OnDelete(DeleteBehavior.Restrict);
        LinkedConditions.Own(b, x => x.Conditions, "BreachConditions", "BreachId");
    }
}

internal sealed class EarlyWarningRulesConfiguration : IEntityTypeConfiguration<EarlyWarningRules>
{
    public void Configure(EntityTypeBuilder<EarlyWarningRules> b)
    {
        b.ToTable("EarlyWarningRuleSets");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Json).HasMaxLength(20000);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class EarlyWarningRulesVersionConfiguration : IEntityTypeConfiguration<EarlyWarningRulesVersion>
{
    public void Configure(EntityTypeBuilder<EarlyWarningRulesVersion> b)
    {
        b.ToTable("EarlyWarningRuleVersions");
        b.HasKey(v => v.Number);
        b.Property(v => v.Number).ValueGeneratedNever();
        b.Property(v => v.Json).HasMaxLength(20000);
        b.Property(v => v.Source).HasMaxLength(EarlyWarningRulesVersionLimits.SourceMaxLength);
    }
}
