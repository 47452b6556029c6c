using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.BreakGlass.Review;

/// <summary>
/// The clinical lead's review of emergency access. It shows the CRN of every case opened this way, including cases
/// outside the lead's own scope, because judging whether the access was justified needs it; viewing the list is
/// audited for the same reason.
/// </summary>
[Authorize(Policy = Policies.ClinicalLead)]
[Audited(AuditActions.Case.BreakGlassReview)]
public sealed class ReviewModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Who, string Crn, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, string Reason,
        string? ReviewedBy, DateTimeOffset? ReviewedAt, string? Note);

    /// <summary>One note field per grant awaiting review, keyed by grant id (<c>Notes[id]</c>).</summary>
    [BindProperty] public Dictionary<Guid, string?> Notes { get; set; } = [];
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Reviewed { get; private set; } = [];
    public int ReviewedTotal { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public int Pages => Math.Max(1, (ReviewedTotal + PageSize - 1) / PageSize);
    public PaginationModel Pager => new(PageNumber, Pages, p => $"/break-glass/review?page={p}#reviewed");

    // "page" comes from the query string explicitly: as a bound property it would get Razor Pages' own "page" route value.
    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken ct)
    {
        PageNumber = page;
        ModelState.Remove("page"); // a mistyped page number just shows the first page
        await LoadAsync(ct);
        await audit.WriteAsync(AuditActions.Case.BreakGlassReviewList, "BreakGlassGrantList", null, null, ct: ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] ReviewEmergencyAccess review, CancellationToken ct)
    {
        var outcome = await review.HandleAsync(id, Notes.GetValueOrDefault(id), User.ToStaffContext(), ct);
        if (outcome is Outcome<Data.Entities.BreakGlassGrant>.Conflict)
        {
            TempData["Success"] = "That emergency access had already been reviewed";
            return Redirect("/break-glass/review");
        }
        // The note box is this grant's own (Notes[id]).
        if (outcome is Outcome<Data.Entities.BreakGlassGrant>.Invalid invalid)
            outcome = Outcome.Invalid<Data.Entities.BreakGlassGrant>(invalid.Errors.Select(e => e with { Field = $"{nameof(Notes)}[{id}]" }).ToList());
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "Emergency access marked as reviewed";
            return Redirect("/break-glass/review");
        }, () => LoadAsync(ct), prefix: "");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var grants = db.BreakGlassGrants.AsNoTracking();
        Pending = await Rows(grants.Where(g => g.ReviewedAt == null).OrderBy(g => g.GrantedAt)).ToListAsync(ct);
        var reviewed = grants.Where(g => g.ReviewedAt != null);
        ReviewedTotal = await reviewed.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Reviewed = await Rows(reviewed.OrderByDescending(g => g.ReviewedAt).ThenBy(g => g.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize))
            .ToListAsync(ct);
    }

    private IQueryable<Row> Rows(IQueryable<Data.Entities.BreakGlassGrant> grants) =>
        grants.Select(g => new Row(g.Id, g.User!.DisplayName, g.Case!.Crn, g.GrantedAt, g.ExpiresAt, g.Reason,
            g.ReviewedById == null ? null : db.Users.Where(u => u.Id == g.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(),
            g.ReviewedAt, g.ReviewNote));
}
