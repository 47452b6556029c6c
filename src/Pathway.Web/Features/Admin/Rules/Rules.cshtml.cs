using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Rules;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Rules;

/// <summary>
/// The rule register: every dated version of every rule set, its source, and whether the clinical lead has confirmed it,
/// with what is still to check. Unconfirmed facts are shown here, to the people who can check them, and never on a
/// person's record.
/// </summary>
[Authorize(Policy = Policies.RuleEditor)]
[NotAudited("the rule register: law and service rules, no personal or case data")]
public sealed class RulesModel : PageModel
{
    public IReadOnlyList<IRuleSet> Sets => RuleSets.All;

    public void OnGet()
    {
    }
}
