using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Referrals;

/// <summary>
/// Referral work: open referrals nobody has been allocated to (any clinical lead, who allocates), and allocated referrals
/// with no consultation recorded yet (the allocated psychologist). Both on cases the viewer may read.
/// </summary>
public sealed class ReferralTasks(PathwayDbContext db) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var open = db.Referrals.AsNoTracking().Where(r => r.EndedAt == null);
        if (s.ForRole(StaffRole.ClinicalLead))
        {
            var rows = await open.Where(r => r.AllocatedPsychologistId == null)
                .Join(s.Visible, r => r.CaseId, c => c.Id, (r, c) => new { r.Id, r.CaseId, r.ReferredAt, r.Urgency, c.GivenName, c.FamilyName, c.Crn })
                .Take(200).ToListAsync(ct);
            items.AddRange(rows.Select(x => new WorkItem(TaskKind.ReferralToAllocate, x.Id.ToString(),
                x.Urgency == ReferralUrgency.Urgent ? "Allocate this urgent referral" : "Allocate this referral", $"/cases/{x.CaseId}/referral/allocate",
                TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn), null, StaffRole.ClinicalLead, TaskRows.Day(x.ReferredAt), null, false)));
        }
        var people = s.People;
        var anyone = s.Anyone;
        var waiting = await open.Where(r => r.AllocatedPsychologistId != null && (anyone || people.Contains(r.AllocatedPsychologistId.Value))
                && !db.Consultations.Any(k => k.ReferralId == r.Id))
            .Join(s.Visible, r => r.CaseId, c => c.Id, (r, c) => new { r.Id, r.CaseId, r.AllocatedPsychologistId, r.AllocatedAt, r.ReferredAt, c.GivenName, c.FamilyName, c.Crn })
            .Take(200).ToListAsync(ct);
        items.AddRange(waiting.Select(x => new WorkItem(TaskKind.FirstConsultation, x.Id.ToString(), "Hold and record the first consultation",
            $"/cases/{x.CaseId}/consultations/new", TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn), x.AllocatedPsychologistId, null,
            TaskRows.Day(x.AllocatedAt ?? x.ReferredAt), null, false)));
        return items;
    }
}
