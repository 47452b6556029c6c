using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Screening;

/// <summary>Screenings started and not finished, for the person who started them, on cases the viewer may read.</summary>
public sealed class ScreeningTasks(PathwayDbContext db) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var people = s.People;
        var anyone = s.Anyone;
        var rows = await db.InstrumentResponses.AsNoTracking()
            .Where(r => r.Status == ResponseStatus.Draft && (anyone || people.Contains(r.StartedById)))
            .Join(s.Visible, r => r.CaseId, c => c.Id, (r, c) => new { r.Id, r.CaseId, r.StartedById, r.StartedAt, Title = r.Definition!.Title, c.GivenName, c.FamilyName, c.Crn })
            .Take(200).ToListAsync(ct);
        return rows.Select(x => new WorkItem(TaskKind.ScreeningDraft, x.Id.ToString(), $"Finish the {x.Title}",
            $"/cases/{x.CaseId}/screening/{x.Id}/edit", TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn), x.StartedById, null,
            TaskRows.Day(x.StartedAt), null, false)).ToList();
    }
}
