using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Compliance;
using Pathway.Domain.Rules;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Rules;

/// <summary>
/// The rule register: every dated version of every rule set, its source, and whether the clinical lead has confirmed it,
/// with what is still to check. Unconfirmed facts are shown here, to the people who can check them, and never on a
/// person's record. The shipped sets come from <see cref="RuleSets.All"/>; the early-warning rules' versions are the
/// service's own records.
/// </summary>
[Authorize(Policy = Policies.RuleEditor)]
[NotAudited("the rule register: law and service rules, no personal or case data")]
public sealed class RulesModel(PathwayDbContext db) : PageModel
{
    public IReadOnlyList<IRuleSet> Sets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var recorded = await db.EarlyWarningRuleVersions.AsNoTracking()
            .Select(v => new { v.Number, v.EffectiveFrom, v.Source, v.ConfirmedByClinicalLead }).ToListAsync(ct);
        var earlyWarning = EarlyWarningRuleSet.History(recorded.Select(v => (v.Number, v.EffectiveFrom, v.Source, v.ConfirmedByClinicalLead)));
        Sets = [.. RuleSets.All, earlyWarning];
    }

    /// <summary>An anchor for a set's heading, for the contents list.</summary>
    public static string Anchor(IRuleSet set) => "set-" + set.Key;
}
