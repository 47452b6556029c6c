using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Assessments;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Assessments;

/// <summary>
/// Assessments in draft (their author) and submitted ones waiting for a clinical lead's countersignature (any clinical
/// lead but the author, as <see cref="AssessmentLifecycle.CanCountersign"/> requires), on cases the viewer may read.
/// </summary>
public sealed class AssessmentTasks(PathwayDbContext db) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var people = s.People;
        var anyone = s.Anyone;
        var countersigner = s.ForRole(StaffRole.ClinicalLead);
        var me = s.Who.UserId;
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => (a.Status == AssessmentStatus.Draft && (anyone || people.Contains(a.AuthorId)))
                || (countersigner && a.Status == AssessmentStatus.Submitted && (anyone || a.AuthorId != me)))
            .Join(s.Visible, a => a.CaseId, c => c.Id, (a, c) => new { a.Id, a.CaseId, a.Status, a.AuthorId, a.CreatedAt, a.SubmittedAt, c.GivenName, c.FamilyName, c.Crn })
            .Take(200).ToListAsync(ct);
        return rows.Select(x => x.Status == AssessmentStatus.Draft
            ? new WorkItem(TaskKind.AssessmentDraft, x.Id.ToString(), "Finish and submit the assessment", $"/cases/{x.CaseId}/assessments/{x.Id}",
                TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn), x.AuthorId, null, TaskRows.Day(x.CreatedAt), null, false)
            : new WorkItem(TaskKind.AssessmentToCountersign, x.Id.ToString(), "Countersign the assessment", $"/cases/{x.CaseId}/assessments/{x.Id}",
                TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn), null, StaffRole.ClinicalLead, TaskRows.Day(x.SubmittedAt ?? x.CreatedAt), null, false)).ToList();
    }
}
