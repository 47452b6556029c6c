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

/// <summary>The form for <see cref="ReReleaseAfterRecall"/>: the recall gets its dates and a new licence period starts on the re-release day.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Recall.ReRelease)]
[CaseScoped(AccessNeed.Edit, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class ReReleaseModel(CurrentCase current, ReReleaseAfterRecall reRelease, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    public sealed class Form
    {
        public DateParts ReturnToCustodyDate { get; set; } = new();
        public DateParts ReReleaseDate { get; set; } = new();
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct) =>
        await LoadAsync(considerationId, AuditActions.Recall.Read, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid considerationId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var rtc = ParseDate(Input.ReturnToCustodyDate, "ReturnToCustodyDate", "Return to custody date", unreadable);
        var rr = ParseDate(Input.ReReleaseDate, "ReReleaseDate", "Re-release date", unreadable);
        var outcome = await reRelease.HandleAsync(Case, considerationId, rr, rtc, Input.Version, unreadable, ct);
        return await PresentAsync(outcome, considerationId, "Re-release recorded: a new licence period has started",
            done => done.NewLicence is { } licence ? $"/cases/{Case.Id}/licences/{licence.Id}" : $"/cases/{Case.Id}/recall/{considerationId}", ct);
    }
}
