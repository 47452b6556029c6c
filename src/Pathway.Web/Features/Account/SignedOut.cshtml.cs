using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Account;

[AllowAnonymous]
[NotAudited("a static confirmation; the sign-out itself is audited")]
public sealed class SignedOutModel : PageModel
{
    public void OnGet() { }
}
