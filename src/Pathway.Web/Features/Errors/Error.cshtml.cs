using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Errors;

/// <summary>Unexpected failures: a reference to quote, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[NotAudited("error page")]
public sealed class ErrorModel : PageModel
{
    public string Reference { get; private set; } = "";

    public void OnGet() => Set();
    public void OnPost() => Set();

    private void Set()
    {
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
