using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Record;

/// <summary>
/// A recall consideration as a GOV.UK task list: each step's status, who may do it, fixed-term suitability with its
/// reasons, and — first, before anything else — the alternatives agreed in the care plan that have not been tried.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Recall.Read)]
[CaseScoped(AccessNeed.Read, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class ConsiderationModel(CurrentCase current, PathwayDbContext db, AuditLog audit, TimeProvider clock) : RecallPageModel(current, db, audit, clock)
{
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public bool CanRecord => Who.Roles.Overlaps(ComplianceRoles.ProbationRecorders);
    public bool CanConsult => Who.Roles.Overlaps(ComplianceRoles.RecallConsultants);
    public bool CanDecide => Who.Roles.Overlaps(ComplianceRoles.RecallDeciders);

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct)
    {
        if (!await LoadAsync(considerationId, readAction: null, ct)) return NotFound();
        var ids = new[] { Record.StartedById, Record.ConsultedById, Record.DecidedById, Record.CountersignedById, Record.SubmittedById }
            .OfType<Guid>().Distinct().ToList();
        Names = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return Page();
    }

    public string Name(Guid? id) => id is { } v && Names.TryGetValue(v, out var n) ? n : "";
}
