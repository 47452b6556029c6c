using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Signposting;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Matching;

/// <summary>
/// Services for each of the person's assessed needs: the ones that fit, best first, with why; the ones that do not, with
/// why not; and needs nothing can meet, which can be recorded as unmet (<see cref="RecordUnmetNeeds"/>). Without a
/// countersigned assessment, staff choose the needs to look for.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Signposting.Match)]
[CaseScoped(AccessNeed.Edit, EntityType = "SignpostingMatch")]
public sealed class MatchModel(CurrentCase current, PathwayDbContext db, RecordUnmetNeeds recordUnmet, SignpostingCalendar calendar, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public List<string> Needs { get; set; } = [];
    public CaseHeader Header => current.Context.Header(CaseTab.Signposting);
    public PersonFacts Facts { get; private set; } = null!;
    public AssessedNeeds Assessed { get; private set; } = null!;
    public IReadOnlyList<NeedMatches> Matches { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = current.Context;
        Today = calendar.Today;
        Facts = CaseMatching.FactsOf(c.Case);
        (Assessed, Matches) = await CaseMatching.MatchAsync(db, c.Case, Chosen(), Today, ct);
        // Checking edit access writes no read row, and this page shows the person's needs and risk: a read of the case.
        await audit.ReadAsync("SignpostingMatch", c.Id, c.Id, ct);
    }

    public async Task<IActionResult> OnPostRecordUnmetAsync(CancellationToken ct)
    {
        var outcome = await recordUnmet.HandleAsync(current.Context, Chosen(), ct);
        return await this.PresentAsync(outcome, added =>
        {
            TempData["Success"] = added.Count == 0 ? "These unmet needs were already recorded" : $"Recorded as unmet: {string.Join(", ", added.Select(AssessmentNames.DisplayName))}";
            return Redirect($"/cases/{current.Context.Id}/signposting");
        });
    }

    private List<NeedArea> Chosen() =>
        Needs.Select(n => Enum.TryParse<NeedArea>(n, out var a) && Enum.IsDefined(a) ? a : (NeedArea?)null).OfType<NeedArea>().ToList();
}
