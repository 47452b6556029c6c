using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Consultations;

/// <summary>Consultation actions not yet done, overdue or due within <see cref="TaskOptions.DueSoonDays"/>, for their owner, on cases the viewer may read.</summary>
public sealed class ConsultationTasks(PathwayDbContext db, IOptions<TaskOptions> options) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var soon = s.Today.AddDays(options.Value.DueSoonDays);
        var people = s.People;
        var anyone = s.Anyone;
        var rows = await db.ConsultationActions.AsNoTracking()
            .Where(a => (anyone || people.Contains(a.OwnerId)) && a.CompletedAt == null && a.DueOn <= soon)
            .Join(s.Visible, a => a.CaseId, c => c.Id, (a, c) => new { a.Id, a.CaseId, a.ConsultationId, a.OwnerId, a.Description, a.DueOn, a.CreatedAt, c.GivenName, c.FamilyName, c.Crn })
            .OrderBy(x => x.DueOn).Take(200).ToListAsync(ct);
        return rows.Select(x => new WorkItem(TaskKind.ConsultationAction, x.Id.ToString(), x.Description,
            $"/cases/{x.CaseId}/consultations/{x.ConsultationId}", TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn), x.OwnerId, null,
            TaskRows.Day(x.CreatedAt), x.DueOn, ConsultationRules.IsOverdue(x.DueOn, false, s.Today))).ToList();
    }
}
