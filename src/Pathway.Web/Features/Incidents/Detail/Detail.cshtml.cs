using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Incidents.Detail;

/// <summary>One incident and its behaviour chain analysis, if there is one.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("incident.read")]
public sealed class DetailModel(CarePlanAccess access, CaseAccess caseAccess, PathwayDbContext db) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public Incident Incident { get; private set; } = null!;
    public string RecordedBy { get; private set; } = "";
    public bool CanAnalyse { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid incidentId, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "Incident", incidentId);
        if (pc is null) return NotFound();
        var incident = await access.FindIncidentAsync(db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis).ThenInclude(a => a!.Links), id, incidentId, ct);
        if (incident is null) return NotFound();
        Incident = incident;
        RecordedBy = (await CarePlanDisplay.NamesAsync(db, [incident.RecordedById], ct)).GetValueOrDefault(incident.RecordedById, "–");
        var canEdit = await caseAccess.CanEditAsync(pc.Case, ct);
        CanAnalyse = canEdit && User.ToStaffContext().IsInAny(Domain.Staff.RoleSets.CaseTeam);
        Header = new CaseHeader(pc.Case, CaseTab.Incidents, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: canEdit);
        return Page();
    }
}
