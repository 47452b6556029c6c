using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Detail;

/// <summary>
/// One version of an assessment: the task list of sections (while it can be changed), the content, its versions, and
/// the lifecycle actions the signed-in person may take (submit, countersign, return, start a new version).
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Assessment.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "Assessment", EntityRouteValue = "assessmentId")]
public sealed class DetailModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Assessments);
    public AssessmentDocument Document { get; private set; } = null!;
    public IReadOnlyList<Assessment> Versions { get; private set; } = [];
    public bool CanEditSections { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanCountersign { get; private set; }
    public bool CanStartNewVersion { get; private set; }
    public Assessment A => Document.Assessment;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken ct)
    {
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, current.Context.Id, assessmentId, ct);
        if (a is null) return NotFound();
        await LoadAsync(a, ct);
        return Page();
    }

    // Reading the assessment needs read access; each step needs edit access to the case (declared per handler).
    [CaseScoped(AccessNeed.Edit)]
    public async Task<IActionResult> OnPostSubmitAsync(Guid assessmentId, int version, [FromServices] SubmitAssessment submit, CancellationToken ct) =>
        await PresentAsync(await submit.HandleAsync(current.Context, assessmentId, version, [], ct), assessmentId, "Assessment submitted for countersigning", ct);

    [CaseScoped(AccessNeed.Edit)]
    public async Task<IActionResult> OnPostCountersignAsync(Guid assessmentId, int version, [FromServices] CountersignAssessment countersign, CancellationToken ct) =>
        await PresentAsync(await countersign.HandleAsync(current.Context, assessmentId, version, [], ct), assessmentId, "Assessment countersigned and locked", ct);

    [CaseScoped(AccessNeed.Edit)]
    public async Task<IActionResult> OnPostReturnAsync(Guid assessmentId, int version, [FromServices] ReturnAssessment @return, CancellationToken ct) =>
        await PresentAsync(await @return.HandleAsync(current.Context, assessmentId, version, [], ct), assessmentId, "Assessment returned to its author", ct);

    [CaseScoped(AccessNeed.Edit)]
    public async Task<IActionResult> OnPostNewVersionAsync(Guid assessmentId, int version, [FromServices] StartNewAssessmentVersion start, CancellationToken ct) =>
        await PresentAsync(await start.HandleAsync(current.Context, assessmentId, version, [], ct), assessmentId, "New draft version started", ct);

    /// <summary>Done: to the version saved, with the banner. Otherwise the assessment as it now stands, with why nothing was saved.</summary>
    private async Task<IActionResult> PresentAsync(Outcome<Assessment> outcome, Guid assessmentId, string success, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome<Assessment>.Done done:
                TempData["Success"] = success;
                return Redirect($"/cases/{done.Value.CaseId}/assessments/{done.Value.Id}");
            case Outcome<Assessment>.NotFound:
                return NotFound();
        }
        ModelState.AddModelError(string.Empty, outcome is Outcome<Assessment>.Conflict
            ? "Someone else changed this assessment while you were looking at it. Nothing has been saved. Check it again below."
            : outcome.Refusal() ?? "That could not be done.");
        db.ChangeTracker.Clear();
        await LoadAsync(await db.Assessments.AsNoTracking().WithContent().FirstAsync(x => x.Id == assessmentId, ct), ct);
        return Page();
    }

    private async Task LoadAsync(Assessment a, CancellationToken ct)
    {
        var who = current.Context.Who;
        var sees = AssessmentRoles.SeesWithheld(who);
        Document = AssessmentDocument.Build(a, sees ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null, sees, AssessmentCopy.Full);
        Versions = await AssessmentLookup.VersionsAsync(db, a, ct);
        var actor = AssessmentRoles.Actor(who);
        var canEditCase = current.Context.Can.Edit;
        var hasNewer = Versions.Any(v => v.VersionNumber > a.VersionNumber);
        var edit = AssessmentLifecycle.Edit(a.Status, a.AuthorId, actor, hasNewer).Decision;
        CanEditSections = canEditCase && edit == EditDecision.EditInPlace;
        CanStartNewVersion = canEditCase && edit == EditDecision.StartNewVersion;
        CanSubmit = canEditCase && a.Status == AssessmentStatus.Draft && a.AuthorId == who.UserId;
        CanCountersign = canEditCase && AssessmentLifecycle.CanCountersign(a.Status, a.AuthorId, actor) is null;
    }
}
