using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Consultations.Edit;

/// <summary>
/// Changes a consultation and its actions. The form carries the version it was loaded at; if someone else saved in
/// the meantime nothing is overwritten and the latest version is shown to re-apply the change to.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("consultation.update")]
public sealed class EditModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public ConsultationForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<Candidate> People { get; private set; } = [];
    public Guid ConsultationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid consultationId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var con = await Find(db.Consultations.AsNoTracking(), id, consultationId, ct);
        if (con is null) return NotFound();
        await audit.WriteAsync("consultation.read", "Consultation", con.Id, c.Id, ct: ct);
        await LoadAsync(c, con, ct);
        Input = ConsultationForm.From(con);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid consultationId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var con = await Find(db.Consultations, id, consultationId, ct);
        if (con is null) return NotFound();
        ModelState.Clear();
        await LoadAsync(c, con, ct);
        if (Input.Version != con.Version)
        {
            ShowConflict(con);
            return Page();
        }
        var errors = new List<FieldError>();
        var (details, ids) = Input.Parse(errors);
        errors.AddRange(ConsultationRules.Validate(details, Today, errors.Select(e => e.Field).ToHashSet()));
        errors.AddRange(ConsultationWork.CheckPeople(details, People));
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] is { } aid && con.Actions.All(a => a.Id != aid)) errors.Add(new($"Actions[{i}].Description", $"Action {i + 1} is not an action of this consultation"));
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            Input.PadActions();
            return Page();
        }

        ConsultationWork.Apply(con, details, ids, People, clock.GetUtcNow());
        db.Entry(con).Property(x => x.Version).OriginalValue = Input.Version;
        db.Entry(con).State = EntityState.Modified;
        audit.Add(null, "Consultation", con.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await Find(db.Consultations.AsNoTracking(), id, consultationId, ct);
            ShowConflict(fresh!);
            return Page();
        }
        TempData["Success"] = "Consultation updated";
        return Redirect($"/cases/{c.Id}/consultations/{con.Id}");
    }

    /// <summary>Shows the saved version in the form, so the person re-applies their change to what is there now.</summary>
    private void ShowConflict(Consultation saved)
    {
        ModelState.AddModelError(string.Empty, "Someone else changed this consultation while you were editing. Nothing has been saved. The form now shows their version: make your change again and save.");
        Input = ConsultationForm.From(saved);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static Task<Consultation?> Find(IQueryable<Consultation> q, Guid caseId, Guid consultationId, CancellationToken ct) =>
        q.Include(x => x.Attendees).Include(x => x.Actions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == caseId, ct);

    private async Task LoadAsync(CaseRecord c, Consultation con, CancellationToken ct)
    {
        ConsultationId = con.Id;
        Header = new CaseHeader(c, CaseTab.Consultations, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: true);
        People = await ConsultationWork.CandidatesAsync(db, c, ct);
    }
}
