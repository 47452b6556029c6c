using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Staff;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>
/// Who an event's work now waits for: the person named in it (the allocated psychologist, an action's owner, the
/// author of a countersigned assessment, the offender manager who countersigns a care plan), or a role (the clinical lead, the case team's senior probation officers, a
/// partner agency's team). Never the person who made the change, and never a disabled account.
/// </summary>
public static class NotificationRecipients
{
    public static async Task<IReadOnlyList<Guid>> ForAsync(PathwayDbContext db, OutboxEvent e, CancellationToken ct)
    {
        using var info = JsonDocument.Parse(e.AdditionalInformation);
        Guid? Id(string name) => info.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetGuid(out var g) ? g : null;
        var teamId = e.CaseId is { } caseId ? await db.Cases.Where(c => c.Id == caseId).Select(c => (Guid?)c.TeamId).FirstOrDefaultAsync(ct) : null;

        IEnumerable<Guid?> people = e.EventType switch
        {
            DomainEventTypes.ReferralCreated => await InRoleAsync(db, StaffRole.ClinicalLead, null, ct),
            DomainEventTypes.ReferralAllocated => [Id("psychologistId")],
            DomainEventTypes.ConsultationActionAssigned or DomainEventTypes.ConsultationActionOverdue => [Id("ownerId")],
            DomainEventTypes.AssessmentSubmitted or DomainEventTypes.BreakGlassGranted => await InRoleAsync(db, StaffRole.ClinicalLead, null, ct),
            // A signed care plan is countersigned on the probation side (CarePlanLifecycle.CanCountersign): the case's
            // offender manager, or the case team's senior probation officers when it has none.
            DomainEventTypes.CarePlanSubmitted => Id("offenderManagerId") is { } om ? [om]
                : await InRoleAsync(db, StaffRole.SeniorProbationOfficer, teamId ?? Guid.Empty, ct),
            // A countersigned assessment is final: its author and the case's offender manager (who referred) can use it.
            DomainEventTypes.AssessmentCountersigned => [Id("authorId"), Id("offenderManagerId")],
            DomainEventTypes.AssessmentReturned => [Id("authorId")],
            DomainEventTypes.CarePlanCountersigned => [Id("signedById")],
            DomainEventTypes.RecallConsiderationStarted or DomainEventTypes.RecallDecisionNeeded or DomainEventTypes.RecallCountersignatureNeeded =>
                await InRoleAsync(db, StaffRole.SeniorProbationOfficer, teamId ?? Guid.Empty, ct),
            DomainEventTypes.RecallAdviceRequested => Id("psychologistId") is { } p ? [p] : await InRoleAsync(db, StaffRole.ClinicalLead, null, ct),
            DomainEventTypes.RecallDecided or DomainEventTypes.RecallAdviceGiven => [Id("offenderManagerId"), Id("startedById")],
            DomainEventTypes.SignpostingReferralSent => Id("partnerTeamId") is { } team ? await InRoleAsync(db, StaffRole.PartnerAgency, team, ct) : [],
            DomainEventTypes.SignpostingReferralReplied or DomainEventTypes.SignpostingReferralNoReply => [Id("referredById")],
            DomainEventTypes.CoordinationActionAssigned or DomainEventTypes.CoordinationActionOverdue => [Id("ownerId")],
            DomainEventTypes.CarePlanReviewDue => [Id("psychologistId") ?? Id("offenderManagerId")],
            DomainEventTypes.TrainingExpiring => [Id("userId")],
            _ => [],
        };
        var ids = people.OfType<Guid>().Where(p => p != e.ActorId).Distinct().ToList();
        if (ids.Count == 0) return ids;
        return await db.Users.Where(u => ids.Contains(u.Id) && u.DisabledAt == null).Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>Enabled people in <paramref name="role"/>, in <paramref name="teamId"/> when one is given.</summary>
    private static async Task<IEnumerable<Guid?>> InRoleAsync(PathwayDbContext db, StaffRole role, Guid? teamId, CancellationToken ct)
    {
        var name = role.ToString();
        var roleId = await db.Roles.Where(r => r.Name == name).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var q = db.Users.Where(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        if (teamId is { } t) q = q.Where(u => u.TeamId == t);
        return (await q.Select(u => u.Id).Take(200).ToListAsync(ct)).Select(id => (Guid?)id);
    }
}
