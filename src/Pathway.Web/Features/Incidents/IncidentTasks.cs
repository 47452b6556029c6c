using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Incidents;

/// <summary>
/// Incidents with no completed chain analysis <see cref="TaskOptions.ChainAnalysisAfterDays"/> days after they happened:
/// for the case's psychologist, or any clinical lead when the case has none. On cases the viewer may read.
/// </summary>
public sealed class IncidentTasks(PathwayDbContext db, IOptions<TaskOptions> options) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var days = options.Value.ChainAnalysisAfterDays;
        var cutoff = s.Now.AddDays(-days);
        var people = s.People;
        var anyone = s.Anyone;
        var lead = s.ForRole(StaffRole.ClinicalLead);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.OccurredAt <= cutoff && !db.ChainAnalyses.Any(a => a.IncidentId == i.Id && a.CompletedAt != null))
            .Join(s.Visible, i => i.CaseId, c => c.Id, (i, c) => new { i.Id, i.CaseId, i.OccurredAt, c.PsychologistId, c.GivenName, c.FamilyName, c.Crn })
            .Where(x => (x.PsychologistId != null && (anyone || people.Contains(x.PsychologistId.Value))) || (lead && x.PsychologistId == null))
            .Take(200).ToListAsync(ct);
        return rows.Select(x =>
        {
            var due = TaskRows.Day(x.OccurredAt).AddDays(days);
            return new WorkItem(TaskKind.ChainAnalysisDue, x.Id.ToString(), "Complete a chain analysis of the incident",
                $"/cases/{x.CaseId}/incidents/{x.Id}/chain-analysis", TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn),
                x.PsychologistId, x.PsychologistId is null ? StaffRole.ClinicalLead : null, TaskRows.Day(x.OccurredAt), due, due < s.Today);
        }).ToList();
    }
}
