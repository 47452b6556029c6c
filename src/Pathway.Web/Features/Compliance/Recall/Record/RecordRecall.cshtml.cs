using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Record;

/// <summary>The form for <see cref="RecordRecallOnLicence"/>: the recall from a countersigned recall decision, on the licence's recall history.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Recall.Record)]
[CaseScoped(AccessNeed.Edit, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class RecordRecallModel(CurrentCase current, RecordRecallOnLicence record, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    public sealed class Form
    {
        public DateParts RecallDate { get; set; } = new();
        public DateParts ReturnToCustodyDate { get; set; } = new();
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct) =>
        await LoadAsync(considerationId, AuditActions.Recall.Read, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid considerationId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var date = ParseDate(Input.RecallDate, "RecallDate", "Date the licence was revoked", unreadable);
        var rtc = ParseDate(Input.ReturnToCustodyDate, "ReturnToCustodyDate", "Return to custody date", unreadable);
        var outcome = await record.HandleAsync(Case, considerationId, date, rtc, Input.Version, unreadable, ct);
        return await PresentAsync(outcome, considerationId, "Recall recorded on the licence", null, ct);
    }
}
