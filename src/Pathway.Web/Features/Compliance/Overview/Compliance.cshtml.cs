using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance.Signals;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Overview;

/// <summary>
/// A case's licence compliance: contacts kept of contacts expected over 4, 12 and 26 weeks, the contacts themselves,
/// behaviours of concern, warning letters and breaches.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Compliance.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "Compliance")]
public sealed class ComplianceModel(CurrentCase current, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<ComplianceWindow> Windows { get; private set; } = [];
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public bool CanRecordContacts { get; private set; }
    public bool CanRecordConcerns { get; private set; }
    public IReadOnlyList<BehaviourOfConcern> Concerns { get; private set; } = [];
    public IReadOnlyList<WarningLetter> Warnings { get; private set; } = [];
    public IReadOnlyList<Breach> Breaches { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public IReadOnlyList<FiredRule> Signals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = current.Context;
        var id = c.Id;
        var who = c.Who;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Header = c.Header(CaseTab.Compliance);
        CanRecordContacts = who.Roles.Any(ComplianceRoles.ProbationRecorders.Contains);
        CanRecordConcerns = who.Roles.Any(ComplianceRoles.ConcernRecorders.Contains);
        var from = ComplianceFacts.WindowStart(Today);
        Warnings = await db.WarningLetters.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.IssuedOn).Take(50).ToListAsync(ct);
        Breaches = await db.Breaches.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.OccurredOn).Take(50).ToListAsync(ct);
        Concerns = await db.BehavioursOfConcern.AsNoTracking().Where(x => x.CaseId == id)
            .OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).Take(50).ToListAsync(ct);
        Contacts = await db.Contacts.AsNoTracking().Where(x => x.CaseId == id && x.Date >= from)
            .OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);
        Signals = await CaseSignals.ForCaseAsync(db, id, Today, ct);
        Windows = ComplianceFigures.Compute(Contacts.Select(x => new ContactFact(x.Date, x.Outcome)), Today);
    }
}
