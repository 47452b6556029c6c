using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Teams.Create;

/// <summary>The form for <see cref="CreateTeam"/>.</summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Admin.TeamsCreate)]
public sealed class CreateModel(CreateTeam create) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.PresentAsync(await create.HandleAsync(Name, Kind, ct), team =>
        {
            TempData["Success"] = $"{team.Name} added";
            return Redirect("/admin/teams");
        }, prefix: "");
}
