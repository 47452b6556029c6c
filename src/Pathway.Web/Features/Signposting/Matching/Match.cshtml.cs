using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.Signposting;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Signposting.Matching;

/// <summary>
/// Services for each of the person's assessed needs: the ones that fit, best first, with why; the ones that do not, with
/// why not; and needs nothing can meet, which can be recorded as unmet. Without a countersigned assessment, staff choose
/// the needs to look for.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("signposting.match")]
public sealed class MatchModel(CaseAccess access, PathwayDbContext db, SignpostingCommands commands, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public List<string> Needs { get; set; } = [];
    public CaseHeader Header { get; private set; } = null!;
    public PersonFacts Facts { get; private set; } = null!;
    public AssessedNeeds Assessed { get; private set; } = null!;
    public IReadOnlyList<NeedMatches> Matches { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "SignpostingMatch");
        if (c is null) return NotFound();
        await BuildAsync(c, ct);
        // Checking edit access writes no read row, and this page shows the person's needs and risk: a read of the case.
        await audit.ReadAsync("SignpostingMatch", c.Id, c.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordUnmetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "SignpostingMatch");
        if (c is null) return NotFound();
        await BuildAsync(c, ct);
        // Recomputed here, not taken from the form: only needs that really have no eligible service are recorded.
        var unmet = Matches.Where(m => m.Unmet).Select(m => m.Need).ToList();
        var added = await commands.RecordUnmetAsync(c, unmet, User.ToStaffContext().UserId, ct);
        TempData["Success"] = added.Count == 0 ? "These unmet needs were already recorded" : $"Recorded as unmet: {string.Join(", ", added.Select(AssessmentNames.DisplayName))}";
        return Redirect($"/cases/{id}/signposting");
    }

    private async Task BuildAsync(CaseRecord c, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Header = new CaseHeader(c, CaseTab.Signposting, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: true);
        Facts = CaseMatching.FactsOf(c);
        Assessed = await CaseMatching.NeedsAsync(db, c.Id, ct);
        var chosen = Needs.Select(n => Enum.TryParse<NeedArea>(n, out var a) && Enum.IsDefined(a) ? a : (NeedArea?)null).OfType<NeedArea>().ToList();
        var needs = Assessed.Needs.Count > 0 ? Assessed.Needs.Select(n => n.Need).ToList() : chosen;
        Matches = needs.Count == 0 ? [] : Domain.Signposting.Matching.Match(Facts, needs, await CaseMatching.DirectoryAsync(db, ct), Today);
    }
}
