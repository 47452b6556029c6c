using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Timeline;

/// <summary>The case's story in date order. Later areas (contacts, incidents, care plans) add their events.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Case.TimelineRead)]
[CaseScoped(AccessNeed.Read)]
public sealed class TimelineModel(CurrentCase current, PathwayDbContext db) : PageModel
{
    public sealed record Event(DateOnly Date, string Title, string? Detail);

    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<Event> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = current.Context.Case;
        var id = c.Id;
        Header = current.Context.Header(CaseTab.Timeline);
        var licences = await db.Licences.AsNoTracking().Include(l => l.Recalls).Where(l => l.CaseId == id).ToListAsync(ct);
        var events = new List<Event>();
        if (c.ReferredToServiceOn is { } r) events.Add(new(r, "Referred to the personality disorder service", null));
        foreach (var l in licences)
        {
            events.Add(new(l.ReleaseDate, "Released on licence", $"{SentenceTypes.DisplayName(l.SentenceType)}{(l.IndexOffence is null ? "" : " – " + l.IndexOffence)}"));
            events.Add(new(l.LicenceExpiryDate, "Licence expiry date", null));
            foreach (var rc in l.Recalls)
            {
                events.Add(new(rc.RecallDate, RecallTypes.DisplayName(rc.Type), rc.Reason));
                if (rc.ReReleaseDate is { } rr) events.Add(new(rr, "Re-released after recall", null));
            }
        }
        // Incidents are seen by the roles that see care plans; partner agencies see neither.
        if (Domain.CarePlans.CarePlanSections.ViewFor(User.ToStaffContext().Roles) != Domain.CarePlans.CarePlanView.None)
        {
            var incidents = await db.Incidents.AsNoTracking().Where(i => i.CaseId == id)
                .Select(i => new { i.OccurredAt, i.Type, i.Severity, i.Location }).ToListAsync(ct);
            foreach (var i in incidents)
                events.Add(new(DateOnly.FromDateTime(i.OccurredAt.UtcDateTime), $"Incident: {Domain.Incidents.IncidentTypes.DisplayName(i.Type)}", $"{i.Severity}, {i.Location}"));
            var plans = await db.CarePlans.AsNoTracking().Where(p => p.CaseId == id && p.CountersignedAt != null)
                .Select(p => new { p.Number, p.CountersignedAt }).ToListAsync(ct);
            foreach (var p in plans)
                events.Add(new(DateOnly.FromDateTime(p.CountersignedAt!.Value.UtcDateTime), $"Care plan version {p.Number} made active", null));
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Events = events.Where(e => e.Date <= today).OrderByDescending(e => e.Date).ToList();
    }
}
