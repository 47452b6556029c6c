using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Section;

public sealed class NeedRow
{
    public string? Priority { get; set; }
    public string? Detail { get; set; }
}

public sealed class SectionForm
{
    public Dictionary<string, string?> Fields { get; set; } = [];
    public Dictionary<string, NeedRow> Needs { get; set; } = [];
    public string? Withheld { get; set; }
    public string? Ogrs3ScoreId { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The form for <see cref="UpdateAssessmentSection"/>. Saving a draft changes it in place; saving a locked version starts
/// a new draft version with the change. A stale form saves nothing and says so.
/// </summary>
[Authorize(Policy = Policies.Assessor)]
[Audited(AuditActions.Assessment.Update)]
[CaseScoped(AccessNeed.Edit)]
public sealed class SectionModel(CurrentCase current, PathwayDbContext db, AuditLog audit, UpdateAssessmentSection update) : PageModel
{
    [BindProperty] public SectionForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Assessments);
    public SectionDefinition Definition { get; private set; } = null!;
    public Assessment Assessment { get; private set; } = null!;
    public IReadOnlyList<Ogrs3Score> Scores { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string section, CancellationToken ct)
    {
        var c = current.Context;
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, c.Id, assessmentId, ct);
        if (a is null || AssessmentSections.Find(section) is not { } def) return NotFound();
        await audit.WriteAsync(AuditActions.Assessment.Read, "Assessment", a.Id, c.Id, ct: ct);
        Input = new SectionForm
        {
            Fields = a.Fields.ToDictionary(f => f.Key, f => (string?)f.Text),
            Needs = a.Needs.ToDictionary(n => n.Area.ToString(), n => new NeedRow { Priority = n.Priority.ToString(), Detail = n.Detail }),
            Withheld = def.Key == AssessmentSections.Withheld ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null,
            Ogrs3ScoreId = a.Ogrs3ScoreId?.ToString(),
            Version = a.Version,
        };
        await LoadAsync(a, def, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, string section, CancellationToken ct)
    {
        if (AssessmentSections.Find(section) is not { } def) return NotFound();
        var needs = new List<NeedInput>();
        foreach (var area in Enum.GetValues<NeedArea>())
        {
            if (!Input.Needs.TryGetValue(area.ToString(), out var row) || string.IsNullOrEmpty(row.Priority)) continue;
            if (Enum.TryParse<NeedPriority>(row.Priority, out var p) && Enum.IsDefined(p)) needs.Add(new NeedInput(area, p, row.Detail));
        }
        Guid? scoreId = Guid.TryParse(Input.Ogrs3ScoreId, out var g) ? g : null;
        var input = new SectionInput(def, Input.Fields.Where(f => def.Fields.Any(d => d.Key == f.Key)).ToDictionary(), needs, Input.Withheld, scoreId);
        var outcome = await update.HandleAsync(current.Context, assessmentId, input, Input.Version, [], ct);
        if (outcome.Refusal() is { } refusal)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, refusal);
            await RedisplayAsync(assessmentId, def, ct);
            return Page();
        }
        return await this.PresentAsync(outcome, saved =>
        {
            TempData["Success"] = saved.Id != assessmentId ? $"Saved as new draft version {saved.VersionNumber}" : $"{def.Title} saved";
            return Redirect($"/cases/{saved.CaseId}/assessments/{saved.Id}");
        }, () => RedisplayAsync(assessmentId, def, ct), conflict: ShowConflict);
    }

    private void ShowConflict(Assessment saved)
    {
        ModelState.AddModelError(string.Empty, "Someone else changed this assessment while you were editing. Nothing has been saved. Check the assessment, then save again to keep your version.");
        Input.Version = saved.Version;
    }

    private async Task RedisplayAsync(Guid assessmentId, SectionDefinition def, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(await db.Assessments.AsNoTracking().WithContent().FirstAsync(x => x.Id == assessmentId, ct), def, ct);
    }

    private async Task LoadAsync(Assessment a, SectionDefinition def, CancellationToken ct)
    {
        Assessment = a;
        Definition = def;
        var c = current.Context;
        Scores = (await db.Ogrs3Scores.AsNoTracking().Where(s => s.CaseId == c.Id).ToListAsync(ct)).OrderByDescending(s => s.CalculatedAt).ToList();
        var hasNewer = await db.Assessments.AnyAsync(x => x.SeriesId == a.SeriesId && x.VersionNumber > a.VersionNumber, ct);
        var (decision, reason) = AssessmentLifecycle.Edit(a.Status, a.AuthorId, AssessmentRoles.Actor(c.Who), hasNewer);
        Refusal = decision == EditDecision.Refused ? reason
            : def.Key == AssessmentSections.Withheld && !AssessmentRoles.SeesWithheld(c.Who) ? "You cannot change the information not to be disclosed" : null;
    }
}
