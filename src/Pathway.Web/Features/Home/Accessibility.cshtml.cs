using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Home;

[AllowAnonymous]
[NotAudited("static statement")]
public sealed class AccessibilityModel : PageModel
{
    public void OnGet() { }
}
