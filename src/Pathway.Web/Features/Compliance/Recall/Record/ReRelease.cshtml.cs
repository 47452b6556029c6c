using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Compliance.Recall.Record;

/// <summary>Re-release after the recall: the recall gets its dates and a new licence period starts on the re-release day.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("recall.re-release")]
public sealed class ReReleaseModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(access, db, audit, clock)
{
    public sealed class Form
    {
        public DateParts ReturnToCustodyDate { get; set; } = new();
        public DateParts ReReleaseDate { get; set; } = new();
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid considerationId, CancellationToken ct) =>
        await LoadAsync(id, considerationId, AccessNeed.Edit, false, "recall.read", ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, true, null, ct) is not var (c, r)) return NotFound();
        var parse = new List<FieldError>();
        var rtc = RecordRecallModel.Parse(Input.ReturnToCustodyDate, "ReturnToCustodyDate", "Return to custody date", parse);
        var rr = RecordRecallModel.Parse(Input.ReReleaseDate, "ReReleaseDate", "Re-release date", parse);
        if (parse.Count > 0) return await AfterAsync(RecallResult.Invalid(parse), c, considerationId, "", null, ct);
        var (result, licence) = await commands.ReReleaseAsync(c, r, rr, rtc, Input.Version, ct);
        return await AfterAsync(result, c, considerationId, "Re-release recorded: a new licence period has started", licence is null ? null : $"/cases/{c.Id}/licences/{licence.Id}", ct);
    }
}
