using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Pathway.Data.Entities;
using Pathway.Data.Security.Keys;
using Pathway.Domain.Auditing;

namespace Pathway.Data;

/// <summary>
/// The model, shared by both providers. Each provider has a sealed sibling with its own migrations
/// (<see cref="SqlitePathwayDbContext"/>, <see cref="PostgresPathwayDbContext"/>); see docs/adr/0001-two-providers.md.
/// </summary>
public abstract class PathwayDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, StaffRoleRecord, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect cookies and antiforgery tokens, shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Team> Teams => Set<Team>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<CaseShare> CaseShares => Set<CaseShare>();
    public DbSet<CaseNamedStaff> CaseNamedStaff => Set<CaseNamedStaff>();
    public DbSet<Licence> Licences => Set<Licence>();
    public DbSet<AdditionalCondition> AdditionalConditions => Set<AdditionalCondition>();
    public DbSet<Recall> Recalls => Set<Recall>();
    public DbSet<StandardConditionSet> StandardConditionSets => Set<StandardConditionSet>();
    public DbSet<StandardConditionItem> StandardConditionItems => Set<StandardConditionItem>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<BreakGlassGrant> BreakGlassGrants => Set<BreakGlassGrant>();
    // Instruments
    public DbSet<InstrumentDefinitionRecord> InstrumentDefinitions => Set<InstrumentDefinitionRecord>();
    public DbSet<InstrumentResponse> InstrumentResponses => Set<InstrumentResponse>();

    // Training
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseVersion> CourseVersions => Set<CourseVersion>();
    public DbSet<StaffGroup> StaffGroups => Set<StaffGroup>();
    public DbSet<StaffGroupRequirement> StaffGroupRequirements => Set<StaffGroupRequirement>();
    public DbSet<StaffTrainingGroup> StaffTrainingGroups => Set<StaffTrainingGroup>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();
    public DbSet<CheckAnswer> CheckAnswers => Set<CheckAnswer>();
    public DbSet<KnowledgeTestAttempt> KnowledgeTestAttempts => Set<KnowledgeTestAttempt>();
    public DbSet<AttitudeResponse> AttitudeResponses => Set<AttitudeResponse>();
    public DbSet<CourseEvaluation> CourseEvaluations => Set<CourseEvaluation>();

    // Referrals
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<PathwayStageChange> PathwayStageChanges => Set<PathwayStageChange>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationAttendee> ConsultationAttendees => Set<ConsultationAttendee>();
    public DbSet<ConsultationAction> ConsultationActions => Set<ConsultationAction>();
    // Assessments
    public DbSet<Ogrs3Score> Ogrs3Scores => Set<Ogrs3Score>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentField> AssessmentFields => Set<AssessmentField>();
    public DbSet<AssessmentNeed> AssessmentNeeds => Set<AssessmentNeed>();
    public DbSet<AssessmentWithheldInformation> AssessmentWithheldInformation => Set<AssessmentWithheldInformation>();

    // Compliance
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<BehaviourOfConcern> BehavioursOfConcern => Set<BehaviourOfConcern>();
    public DbSet<WarningLetter> WarningLetters => Set<WarningLetter>();
    public DbSet<Breach> Breaches => Set<Breach>();
    public DbSet<EarlyWarningRules> EarlyWarningRules => Set<EarlyWarningRules>();
    public DbSet<EarlyWarningRulesVersion> EarlyWarningRuleVersions => Set<EarlyWarningRulesVersion>();

    // CarePlans
    public DbSet<CarePlan> CarePlans => Set<CarePlan>();
    public DbSet<CarePlanText> CarePlanTexts => Set<CarePlanText>();
    public DbSet<CarePlanRestrictedNote> CarePlanRestrictedNotes => Set<CarePlanRestrictedNote>();
    public DbSet<CarePlanGoal> CarePlanGoals => Set<CarePlanGoal>();
    public DbSet<CarePlanGoalStatusChange> CarePlanGoalStatusChanges => Set<CarePlanGoalStatusChange>();
    public DbSet<CarePlanAction> CarePlanActions => Set<CarePlanAction>();
    public DbSet<CarePlanSkill> CarePlanSkills => Set<CarePlanSkill>();

    // Incidents
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<ChainAnalysis> ChainAnalyses => Set<ChainAnalysis>();
    public DbSet<ChainAnalysisLink> ChainAnalysisLinks => Set<ChainAnalysisLink>();
    // Signposting
    public DbSet<DirectoryOrganisation> DirectoryOrganisations => Set<DirectoryOrganisation>();
    public DbSet<DirectoryService> DirectoryServices => Set<DirectoryService>();
    public DbSet<SignpostingReferral> SignpostingReferrals => Set<SignpostingReferral>();
    public DbSet<SignpostingReferralEvent> SignpostingReferralEvents => Set<SignpostingReferralEvent>();
    public DbSet<UnmetNeed> UnmetNeeds => Set<UnmetNeed>();

    // Training: sessions and certificates
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<SessionBooking> SessionBookings => Set<SessionBooking>();
    public DbSet<TrainingCertificate> TrainingCertificates => Set<TrainingCertificate>();

    // Recall
    public DbSet<RecallConsideration> RecallConsiderations => Set<RecallConsideration>();

    // Coordination: the service co-ordination group
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<GroupRepresentative> GroupRepresentatives => Set<GroupRepresentative>();
    public DbSet<GroupMeeting> GroupMeetings => Set<GroupMeeting>();
    public DbSet<GroupAttendance> GroupAttendance => Set<GroupAttendance>();
    public DbSet<GroupAgendaItem> GroupAgendaItems => Set<GroupAgendaItem>();
    public DbSet<GroupAction> GroupActions => Set<GroupAction>();

    // API retries: create answers kept for an Idempotency-Key
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    // The outbox: events written with the change, and their deliveries per channel
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<SentEmail> SentEmails => Set<SentEmail>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>The clock used for UpdatedAt stamps; tests may replace it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PathwayDbContext).Assembly, t => t.Namespace == "Pathway.Data.Configuration");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        var newAudit = ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        if (newAudit.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Audit rows go in the same transaction as the change they record, chained under a lock so that
        // concurrent writers (threads, or app instances on PostgreSQL) cannot fork the chain.
        var ownTransaction = Database.CurrentTransaction is null;
        using var localLock = await AcquireProcessAuditLockAsync(cancellationToken);
        await using var tx = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await AcquireDatabaseAuditLockAsync(cancellationToken);

        var key = AuditKeys().CurrentAuditKey;
        var last = await AuditEvents.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.GenesisHash;
        foreach (var row in newAudit)
        {
            row.Sequence = ++sequence;
            row.OccurredAt = AuditChain.Normalise(row.OccurredAt);
            row.PreviousHash = previous;
            row.KeyId = key.Id;
            row.Hash = AuditChain.ComputeHash(key, previous, row.Fields());
            previous = row.Hash;
        }

        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (tx is not null) await tx.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// The keys come from the application's services (the context is built by dependency injection in the app and the CLI).
    /// A context built by hand cannot write audit rows, rather than writing them unkeyed.
    /// </summary>
    private PathwayKeys AuditKeys() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(PathwayKeys)) as PathwayKeys
        ?? throw new InvalidOperationException("Audit rows need the audit key: build the context through AddPathwayDatabase and AddPathwayKeys.");

    /// <summary>
    /// Re-signs a chain written before keying (rows with no key id) under the current key, once, after checking it is
    /// intact under the old unkeyed hash; a broken chain is left as it is for <c>pathway audit verify</c> to report.
    /// Runs under the audit lock, so no row is written meanwhile.
    /// </summary>
    public async Task<LegacyAuditKeying> KeyLegacyAuditRowsAsync(CancellationToken ct = default)
    {
        if (!await AuditEvents.AnyAsync(a => a.KeyId == "", ct)) return LegacyAuditKeying.NothingToDo;
        var key = AuditKeys().CurrentAuditKey;
        using var localLock = await AcquireProcessAuditLockAsync(ct);
        await using var tx = await Database.BeginTransactionAsync(ct);
        await AcquireDatabaseAuditLockAsync(ct);
        var rows = await AuditEvents.OrderBy(a => a.Sequence).ToListAsync(ct);
        var previous = AuditChain.GenesisHash;
        foreach (var row in rows)
        {
            var expected = row.KeyId == ""
                ? AuditChain.ComputeUnkeyedHash(previous, row.Fields())
                : AuditKeys().FindAuditKey(row.KeyId) is { } k ? AuditChain.ComputeHash(k, previous, row.Fields()) : null;
            if (row.PreviousHash != previous || row.Hash != expected) return LegacyAuditKeying.Broken;
            previous = row.Hash;
        }
        previous = AuditChain.GenesisHash;
        var rewriting = false;
        foreach (var row in rows)
        {
            rewriting |= row.KeyId == "";
            if (rewriting)
            {
                row.PreviousHash = previous;
                row.KeyId = key.Id;
                row.Hash = AuditChain.ComputeHash(key, previous, row.Fields());
            }
            previous = row.Hash;
        }
        await base.SaveChangesAsync(true, ct);
        await tx.CommitAsync(ct);
        return LegacyAuditKeying.Keyed;
    }

    /// <summary>
    /// The outbox deliveries due now, at most <paramref name="max"/>, claimed for the caller's open transaction. On
    /// PostgreSQL the rows are locked and rows another instance holds are skipped (<c>FOR UPDATE SKIP LOCKED</c>), so two
    /// app instances never work the same delivery; SQLite is one process, whose dispatcher serialises itself.
    /// </summary>
    public virtual Task<List<OutboxDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        OutboxDeliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(max).ToListAsync(ct);

    /// <summary>Serialises audit writers inside this process (the SQLite deployment is one process).</summary>
    protected virtual Task<IDisposable?> AcquireProcessAuditLockAsync(CancellationToken ct) => Task.FromResult<IDisposable?>(null);

    /// <summary>Serialises audit writers across processes, inside the current transaction.</summary>
    protected virtual Task AcquireDatabaseAuditLockAsync(CancellationToken ct) => Task.CompletedTask;

    private void StampVersions()
    {
        var now = Clock.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
        foreach (var entry in ChangeTracker.Entries<CaseRecord>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.RefreshSearchColumns();
        }
    }
}

public enum LegacyAuditKeying
{
    NothingToDo,
    Keyed,
    Broken,
}
