using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Incidents.Detail;

/// <summary>One incident and its behaviour chain analysis, if there is one.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Incident.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "Incident", EntityRouteValue = "incidentId")]
public sealed class DetailModel(CurrentCase current, CarePlanAccess access, PathwayDbContext db) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Incidents);
    public Incident Incident { get; private set; } = null!;
    public string RecordedBy { get; private set; } = "";
    public bool CanAnalyse { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid incidentId, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "Incident", incidentId) is null) return NotFound();
        var incident = await access.FindIncidentAsync(db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis).ThenInclude(a => a!.Links), current.Context.Id, incidentId, ct);
        if (incident is null) return NotFound();
        Incident = incident;
        RecordedBy = (await CarePlanDisplay.NamesAsync(db, [incident.RecordedById], ct)).GetValueOrDefault(incident.RecordedById, "–");
        CanAnalyse = current.Context.Can.Edit && current.Context.Who.IsInAny(Domain.Staff.RoleSets.CaseTeam);
        return Page();
    }
}
