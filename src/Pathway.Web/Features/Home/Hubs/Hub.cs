using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Home.Hubs;

/// <summary>
/// A hub page: the links <see cref="Navigation"/> gives this person for one heading. The navigation shows the hub only
/// to people with at least one; anyone else who types its address is told there is nothing here for them.
/// </summary>
public abstract class HubModel(Func<Pathway.Domain.Access.StaffContext, IReadOnlyList<HubLink>> linksFor) : PageModel
{
    public IReadOnlyList<HubLink> Links { get; private set; } = [];

    public void OnGet() => Links = linksFor(User.ToStaffContext());
}
