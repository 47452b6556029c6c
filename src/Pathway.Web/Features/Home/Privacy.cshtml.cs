using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Home;

/// <summary>The privacy notice (<see cref="PrivacyNotice"/>), open to everyone, signed in or not, and linked from every page's footer.</summary>
[AllowAnonymous]
[NotAudited("static notice, no data")]
public sealed class PrivacyModel : PageModel
{
    public void OnGet() { }
}
