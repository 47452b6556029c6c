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
using Pathway.Web.Features.Referrals;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Consultations.Record;

/// <summary>Records a consultation on the open referral. The first one moves a new referral to the consultation stage.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("consultation.create")]
public sealed class RecordModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public ConsultationForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<Candidate> People { get; private set; } = [];
    public Referral? Referral { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        await LoadAsync(c, ct);
        var me = User.ToStaffContext().UserId;
        Input = ConsultationForm.Blank(Today, People.Any(p => p.Id == me) ? me : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        ModelState.Clear();
        await LoadAsync(c, ct);
        if (Referral is null) return Page();
        var errors = new List<FieldError>();
        var (details, _) = Input.Parse(errors);
        errors.AddRange(ConsultationRules.Validate(details, Today, errors.Select(e => e.Field).ToHashSet()));
        errors.AddRange(ConsultationWork.CheckPeople(details, People));
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            Input.PadActions();
            return Page();
        }

        var now = clock.GetUtcNow();
        var me = User.ToStaffContext().UserId;
        var referral = await db.Referrals.Include(r => r.StageChanges).FirstAsync(r => r.Id == Referral.Id, ct);
        var con = new Consultation { CaseId = c.Id, ReferralId = referral.Id, Advice = "", RecordedById = me, CreatedAt = now };
        ConsultationWork.Apply(con, details, details.Actions.Select(_ => (Guid?)null).ToList(), People, now);
        ConsultationWork.MoveReferralOn(referral, me, now);
        db.Consultations.Add(con);
        audit.Add(null, "Consultation", con.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Consultation recorded";
        return Redirect($"/cases/{c.Id}/consultations/{con.Id}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        Header = new CaseHeader(c, CaseTab.Consultations, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: true);
        Referral = await ReferralWork.OpenAsync(db.Referrals.AsNoTracking(), c.Id, ct);
        People = await ConsultationWork.CandidatesAsync(db, c, ct);
    }
}
