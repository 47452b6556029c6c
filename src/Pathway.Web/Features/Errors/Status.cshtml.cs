using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[NotAudited("error page")]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>The request that was refused was a sign-in attempt (so the page can say which limit was hit).</summary>
    public bool FromSignIn { get; private set; }

    public void OnGet(int code) => Set(code);
    public void OnPost(int code) => Set(code);

    private void Set(int code)
    {
        Code = code;
        FromSignIn = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } path
            && path.StartsWith("/account/sign-in", StringComparison.OrdinalIgnoreCase);
    }
}
