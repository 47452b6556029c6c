using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Recall;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>
/// Recall considerations waiting for someone, on cases the viewer may read: the psychologist's advice once asked for,
/// a senior probation officer's decision, a second senior probation officer's countersignature (not the one who decided,
/// as <see cref="RecallWorkflow.ValidateCountersignature"/> requires), and, after a decision not to recall, the letter to
/// the person — which the offender manager has sent once someone has downloaded it (the audit trail's
/// <see cref="AuditActions.Recall.LetterDownload"/> row for the consideration).
/// </summary>
public sealed class RecallTasks(PathwayDbContext db) : ITaskSource
{
    /// <summary>How long after a decision not to recall the letter stays on the list if nobody downloads it.</summary>
    public const int LetterDays = 28;

    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var people = s.People;
        var anyone = s.Anyone;
        var spo = s.ForRoles(RoleSets.RecallDeciders);
        var me = s.Who.UserId;
        var letterFrom = s.Now.AddDays(-LetterDays);
        var rows = await db.RecallConsiderations.AsNoTracking()
            .Join(s.Visible, r => r.CaseId, c => c.Id, (r, c) => new { r, c })
            .Where(x =>
                (x.r.Status == RecallConsiderationStatus.InProgress && x.r.ConsultationRequestedAt != null && x.r.ConsultedAt == null
                    && x.r.ConsultationNotPossibleReason == null && x.c.PsychologistId != null && (anyone || people.Contains(x.c.PsychologistId.Value)))
                || (spo && x.r.Status == RecallConsiderationStatus.AwaitingDecision)
                || (spo && x.r.Status == RecallConsiderationStatus.AwaitingCountersignature && (anyone || x.r.DecidedById != me))
                || (x.r.Status == RecallConsiderationStatus.Decided && x.r.Decision == RecallDecisionKind.NoRecall && x.r.DecidedAt >= letterFrom
                    && x.c.OffenderManagerId != null && (anyone || people.Contains(x.c.OffenderManagerId.Value))))
            .Select(x => new
            {
                x.r.Id, x.r.CaseId, x.r.Status, x.r.ConsultationRequestedAt, x.r.SubmittedAt, x.r.DecidedAt, x.r.CreatedAt,
                x.c.PsychologistId, x.c.OffenderManagerId, x.c.GivenName, x.c.FamilyName, x.c.Crn,
            })
            .Take(200).ToListAsync(ct);
        var decided = rows.Where(r => r.Status == RecallConsiderationStatus.Decided).ToList();
        var sent = new HashSet<string>();
        if (decided.Count > 0)
        {
            var caseIds = decided.Select(r => (Guid?)r.CaseId).Distinct().ToList();
            sent = (await db.AuditEvents.AsNoTracking()
                .Where(e => caseIds.Contains(e.CaseId) && e.Action == AuditActions.Recall.LetterDownload && e.Outcome == AuditOutcome.Allowed)
                .Select(e => e.EntityId).Distinct().ToListAsync(ct)).OfType<string>().ToHashSet();
        }
        var items = new List<WorkItem>();
        foreach (var x in rows)
        {
            var label = TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn);
            var at = $"/cases/{x.CaseId}/recall/{x.Id}";
            switch (x.Status)
            {
                case RecallConsiderationStatus.InProgress:
                    items.Add(new(TaskKind.RecallAdvice, x.Id.ToString(), "Give your advice on the recall consideration", $"{at}/consultation", label,
                        x.PsychologistId, null, TaskRows.Day(x.ConsultationRequestedAt ?? x.CreatedAt), null, false));
                    break;
                case RecallConsiderationStatus.AwaitingDecision:
                    items.Add(new(TaskKind.RecallDecision, x.Id.ToString(), "Decide whether to recall", $"{at}/decision", label,
                        null, StaffRole.SeniorProbationOfficer, TaskRows.Day(x.SubmittedAt ?? x.CreatedAt), null, false));
                    break;
                case RecallConsiderationStatus.AwaitingCountersignature:
                    items.Add(new(TaskKind.RecallCountersignature, x.Id.ToString(), "Countersign the decision to recall", $"{at}/countersign", label,
                        null, StaffRole.SeniorProbationOfficer, TaskRows.Day(x.DecidedAt ?? x.CreatedAt), null, false));
                    break;
                case RecallConsiderationStatus.Decided when !sent.Contains(x.Id.ToString()):
                    items.Add(new(TaskKind.RecallLetter, x.Id.ToString(), "Send the decision-not-to-recall letter", at, label,
                        x.OffenderManagerId, null, TaskRows.Day(x.DecidedAt ?? x.CreatedAt), null, false));
                    break;
            }
        }
        return items;
    }
}
