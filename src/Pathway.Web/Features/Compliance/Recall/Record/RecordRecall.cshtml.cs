using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Compliance.Recall.Record;

/// <summary>Records the recall from a countersigned recall decision on the licence's recall history (the licence's own recall record).</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("recall.record")]
public sealed class RecordRecallModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(access, db, audit, clock)
{
    public sealed class Form
    {
        public DateParts RecallDate { get; set; } = new();
        public DateParts ReturnToCustodyDate { get; set; } = new();
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid considerationId, CancellationToken ct) =>
        await LoadAsync(id, considerationId, AccessNeed.Edit, false, "recall.read", ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, true, null, ct) is not var (c, r)) return NotFound();
        var parse = new List<FieldError>();
        var date = Parse(Input.RecallDate, "RecallDate", "Date the licence was revoked", parse);
        var rtc = Parse(Input.ReturnToCustodyDate, "ReturnToCustodyDate", "Return to custody date", parse);
        var result = parse.Count > 0 ? RecallResult.Invalid(parse) : await commands.RecordRecallAsync(c, r, date, rtc, Input.Version, ct);
        return await AfterAsync(result, c, considerationId, "Recall recorded on the licence", null, ct);
    }

    internal static DateOnly? Parse(DateParts parts, string field, string label, List<FieldError> errors)
    {
        var error = parts.TryParse(label, out var value);
        if (error is not null) errors.Add(new(field, error));
        return value;
    }
}
