using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Directory.EditOrganisation;

/// <summary>Adds an organisation to the directory (<c>/directory/organisations/new</c>) or changes one.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[Audited(AuditActions.Directory.OrganisationUpdate)]
public sealed class EditOrganisationModel(PathwayDbContext db, SaveDirectoryOrganisation save) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? PartnerTeamId { get; set; }
    [BindProperty] public int? Version { get; set; }
    public Guid? OrganisationId { get; private set; }
    public IReadOnlyList<Team> PartnerTeams { get; private set; } = [];
    public DirectoryOrganisation? SavedByOther { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? organisationId, CancellationToken ct)
    {
        OrganisationId = organisationId;
        if (organisationId is { } id)
        {
            var o = await db.DirectoryOrganisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (o is null) return NotFound();
            (Name, Sector, Website, PartnerTeamId, Version) = (o.Name, o.Sector.ToString(), o.Website, o.PartnerTeamId?.ToString() ?? "", o.Version);
        }
        await LoadTeamsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? organisationId, CancellationToken ct)
    {
        OrganisationId = organisationId;
        var unreadable = new List<FieldError>();
        Sector? sector = Enum.TryParse<Sector>(Sector, out var s) && Enum.IsDefined(s) ? s : null;
        Guid? team = null;
        if (!string.IsNullOrEmpty(PartnerTeamId))
        {
            if (Guid.TryParse(PartnerTeamId, out var t)) team = t;
            else unreadable.Add(new(nameof(PartnerTeamId), "Choose a partner-organisation team, or none"));
        }
        var outcome = await save.HandleAsync(organisationId, new OrganisationDetails(Name, sector, Website, team), Version, unreadable, ct);
        return await this.PresentAsync(outcome, saved =>
        {
            TempData["Success"] = organisationId is null ? $"{saved.Name} added to the directory" : $"{saved.Name} updated";
            return Redirect("/directory");
        }, () => LoadTeamsAsync(ct), prefix: "", conflict: current =>
        {
            SavedByOther = current;
            Version = current.Version;
            ModelState.AddModelError(string.Empty, "Someone else changed this organisation while you were editing. Nothing has been saved. Check what they saved, then save again to keep yours.");
        });
    }

    private async Task LoadTeamsAsync(CancellationToken ct) =>
        PartnerTeams = (await db.Teams.AsNoTracking().Where(t => t.Kind == TeamKind.Partner).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
