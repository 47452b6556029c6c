using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Account;

[NotAudited("shows only the signed-in person's own account")]
public sealed class IndexModel(UserManager<StaffUser> users) : PageModel
{
    public StaffUser? Me { get; private set; }
    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Me = await users.GetUserAsync(User);
        if (Me is null) return RedirectToPage("/Account/SignIn");
        Roles = await users.GetRolesAsync(Me);
        return Page();
    }
}
