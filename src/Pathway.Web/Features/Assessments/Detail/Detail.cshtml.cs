using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Assessments.Detail;

/// <summary>
/// One version of an assessment: the task list of sections (while it can be changed), the content, its versions, and
/// the lifecycle actions the signed-in person may take (submit, countersign, return, start a new version).
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("assessment.read")]
public sealed class DetailModel(CaseAccess access, PathwayDbContext db, AuditLog audit, AssessmentWorkflow workflow) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public AssessmentDocument Document { get; private set; } = null!;
    public IReadOnlyList<Assessment> Versions { get; private set; } = [];
    public bool CanEditSections { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanCountersign { get; private set; }
    public bool CanStartNewVersion { get; private set; }
    public Assessment A => Document.Assessment;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Assessment", assessmentId);
        if (c is null) return NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, id, assessmentId, ct);
        if (a is null) return NotFound();
        await LoadAsync(c, a, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, Guid assessmentId, int version, CancellationToken ct) =>
        StepAsync(id, assessmentId, (a, who) => workflow.SubmitAsync(a, version, who, ct), "Assessment submitted for countersigning", ct);

    public Task<IActionResult> OnPostCountersignAsync(Guid id, Guid assessmentId, int version, CancellationToken ct) =>
        StepAsync(id, assessmentId, (a, who) => workflow.CountersignAsync(a, version, who, ct), "Assessment countersigned and locked", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, Guid assessmentId, int version, CancellationToken ct) =>
        StepAsync(id, assessmentId, (a, who) => workflow.ReturnAsync(a, version, who, ct), "Assessment returned to its author", ct);

    public Task<IActionResult> OnPostNewVersionAsync(Guid id, Guid assessmentId, int version, CancellationToken ct) =>
        StepAsync(id, assessmentId, (a, who) => workflow.StartNewVersionAsync(a, version, who, ct), "New draft version started", ct);

    private async Task<IActionResult> StepAsync(Guid id, Guid assessmentId, Func<Assessment, StaffContext, Task<AssessmentChange>> step, string success, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.WithContent(), audit, id, assessmentId, ct);
        if (a is null) return NotFound();
        var result = await step(a, User.ToStaffContext());
        if (result is AssessmentChange.Saved saved)
        {
            TempData["Success"] = success;
            return Redirect($"/cases/{c.Id}/assessments/{saved.Assessment.Id}");
        }
        ModelState.AddModelError(string.Empty, result switch
        {
            AssessmentChange.Stale => "Someone else changed this assessment while you were looking at it. Nothing has been saved. Check it again below.",
            AssessmentChange.Refused r => r.Reason,
            _ => "That could not be done.",
        });
        db.ChangeTracker.Clear();
        var fresh = await db.Assessments.AsNoTracking().WithContent().FirstAsync(x => x.Id == assessmentId, ct);
        await LoadAsync(c, fresh, ct);
        return Page();
    }

    private async Task LoadAsync(CaseRecord c, Assessment a, CancellationToken ct)
    {
        var who = User.ToStaffContext();
        var sees = AssessmentRoles.SeesWithheld(who);
        Document = AssessmentDocument.Build(a, sees ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null, sees, AssessmentCopy.Full);
        Versions = await AssessmentLookup.VersionsAsync(db, a, ct);
        Header = new CaseHeader(c, CaseTab.Assessments, CaseAccessRules.CanViewAccessLog(who));
        var actor = AssessmentRoles.Actor(who);
        var canEditCase = await access.CanEditAsync(c, ct);
        var hasNewer = Versions.Any(v => v.VersionNumber > a.VersionNumber);
        var edit = AssessmentLifecycle.Edit(a.Status, a.AuthorId, actor, hasNewer).Decision;
        CanEditSections = canEditCase && edit == EditDecision.EditInPlace;
        CanStartNewVersion = canEditCase && edit == EditDecision.StartNewVersion;
        CanSubmit = canEditCase && a.Status == AssessmentStatus.Draft && a.AuthorId == who.UserId;
        CanCountersign = canEditCase && AssessmentLifecycle.CanCountersign(a.Status, a.AuthorId, actor) is null;
    }
}
