using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Overview;

[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Case.Read)]
[CaseScoped(AccessNeed.Read)]
public sealed class OverviewModel(CurrentCase current, CaseAccess access, PathwayDbContext db, CaseStatusQuery status, TimeProvider clock) : PageModel
{
    public CaseRecord Case { get; private set; } = null!;
    public CaseHeader Header { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public AccessBasis Basis { get; private set; }
    public string? TeamName { get; private set; }
    public string? ApName { get; private set; }
    public string? OffenderManager { get; private set; }
    public string? Psychologist { get; private set; }
    public string? Keyworker { get; private set; }
    public bool CanSetKeyworker { get; private set; }
    /// <summary>Only the clinical lead records the national data opt-out (<see cref="DataOptOut.SetNationalDataOptOut"/>).</summary>
    public bool CanSetDataOptOut { get; private set; }
    /// <summary>Of the offender manager and AP keyworker, those trained today (Kirkpatrick level 3).</summary>
    public IReadOnlySet<Guid> TrainedStaff { get; private set; } = new HashSet<Guid>();
    public IReadOnlyList<string> SharedWith { get; private set; } = [];
    /// <summary>What is happening now, shown first.</summary>
    public CaseStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = Case = current.Context.Case;
        Basis = await access.BasisAsync(c, ct);
        CanEdit = current.Context.Can.Edit;
        Header = current.Context.Header(CaseTab.Overview);
        var ids = new[] { c.TeamId, c.ApprovedPremisesId ?? Guid.Empty }.Concat(c.Shares.Select(s => s.TeamId)).ToArray();
        var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        TeamName = teams.GetValueOrDefault(c.TeamId);
        ApName = c.ApprovedPremisesId is { } ap ? teams.GetValueOrDefault(ap) : null;
        SharedWith = c.Shares.Select(s => teams.GetValueOrDefault(s.TeamId) ?? "").ToList();
        var staffIds = new[] { c.OffenderManagerId, c.PsychologistId, c.ApKeyworkerId }.OfType<Guid>().ToArray();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        OffenderManager = c.OffenderManagerId is { } om ? staff.GetValueOrDefault(om) : null;
        Psychologist = c.PsychologistId is { } p ? staff.GetValueOrDefault(p) : null;
        Keyworker = c.ApKeyworkerId is { } k ? staff.GetValueOrDefault(k) : null;
        CanSetKeyworker = User.ToStaffContext().IsInAny(Domain.Staff.RoleSets.KeyworkerSetters);
        CanSetDataOptOut = User.IsInRole(nameof(Domain.Staff.StaffRole.ClinicalLead));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        TrainedStaff = await Training.Dashboard.TrainingFigures.TrainedAsync(db, new[] { c.OffenderManagerId, c.ApKeyworkerId }.OfType<Guid>().ToArray(), today, ct);
        Status = await status.ForAsync(c.Id, current.Context.Who, ct);
    }
}
