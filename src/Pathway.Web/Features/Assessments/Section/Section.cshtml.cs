using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

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
/// Changes one section of an assessment. Saving a draft changes it in place; saving a locked version starts a new
/// draft version with the change. A stale form saves nothing and says so.
/// </summary>
[Authorize(Policy = Policies.Assessor)]
[Audited("assessment.update")]
public sealed class SectionModel(CaseAccess access, PathwayDbContext db, AuditLog audit, AssessmentWorkflow workflow) : PageModel
{
    [BindProperty] public SectionForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public SectionDefinition Definition { get; private set; } = null!;
    public Assessment Assessment { get; private set; } = null!;
    public IReadOnlyList<Ogrs3Score> Scores { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, string section, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, id, assessmentId, ct);
        if (a is null || AssessmentSections.Find(section) is not { } def) return NotFound();
        await audit.WriteAsync("assessment.read", "Assessment", a.Id, c.Id, ct: ct);
        Input = new SectionForm
        {
            Fields = a.Fields.ToDictionary(f => f.Key, f => (string?)f.Text),
            Needs = a.Needs.ToDictionary(n => n.Area.ToString(), n => new NeedRow { Priority = n.Priority.ToString(), Detail = n.Detail }),
            Withheld = def.Key == AssessmentSections.Withheld ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null,
            Ogrs3ScoreId = a.Ogrs3ScoreId?.ToString(),
            Version = a.Version,
        };
        await LoadAsync(c, a, def, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid assessmentId, string section, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.WithContent(), audit, id, assessmentId, ct);
        if (a is null || AssessmentSections.Find(section) is not { } def) return NotFound();
        ModelState.Clear();
        var errors = new List<FieldError>();
        var needs = new List<NeedInput>();
        foreach (var area in Enum.GetValues<NeedArea>())
        {
            if (!Input.Needs.TryGetValue(area.ToString(), out var row) || string.IsNullOrEmpty(row.Priority)) continue;
            if (Enum.TryParse<NeedPriority>(row.Priority, out var p) && Enum.IsDefined(p)) needs.Add(new NeedInput(area, p, row.Detail));
        }
        Guid? scoreId = Guid.TryParse(Input.Ogrs3ScoreId, out var g) ? g : null;
        var input = new SectionInput(def, Input.Fields.Where(f => def.Fields.Any(d => d.Key == f.Key)).ToDictionary(), needs, Input.Withheld, scoreId);
        var result = await workflow.UpdateSectionAsync(a, input, Input.Version, User.ToStaffContext(), ct);
        switch (result)
        {
            case AssessmentChange.Saved saved:
                TempData["Success"] = saved.IsNewVersion ? $"Saved as new draft version {saved.Assessment.VersionNumber}" : $"{def.Title} saved";
                return Redirect($"/cases/{c.Id}/assessments/{saved.Assessment.Id}");
            case AssessmentChange.Invalid invalid:
                invalid.Errors.AddTo(ModelState, "Input.");
                break;
            case AssessmentChange.Stale stale:
                ModelState.AddModelError(string.Empty, "Someone else changed this assessment while you were editing. Nothing has been saved. Check the assessment, then save again to keep your version.");
                Input.Version = stale.CurrentVersion;
                break;
            case AssessmentChange.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                break;
        }
        db.ChangeTracker.Clear();
        await LoadAsync(c, await db.Assessments.AsNoTracking().WithContent().FirstAsync(x => x.Id == assessmentId, ct), def, ct);
        return Page();
    }

    private async Task LoadAsync(CaseRecord c, Assessment a, SectionDefinition def, CancellationToken ct)
    {
        Assessment = a;
        Definition = def;
        Header = new CaseHeader(c, CaseTab.Assessments, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        Scores = (await db.Ogrs3Scores.AsNoTracking().Where(s => s.CaseId == c.Id).ToListAsync(ct)).OrderByDescending(s => s.CalculatedAt).ToList();
        var who = User.ToStaffContext();
        var hasNewer = await db.Assessments.AnyAsync(x => x.SeriesId == a.SeriesId && x.VersionNumber > a.VersionNumber, ct);
        var (decision, reason) = AssessmentLifecycle.Edit(a.Status, a.AuthorId, AssessmentRoles.Actor(who), hasNewer);
        Refusal = decision == EditDecision.Refused ? reason
            : def.Key == AssessmentSections.Withheld && !AssessmentRoles.SeesWithheld(who) ? "You cannot change the information not to be disclosed" : null;
    }
}
