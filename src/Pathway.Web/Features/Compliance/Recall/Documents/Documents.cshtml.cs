using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Documents;

public static class RecallDocumentLoader
{
    public static async Task<RecallDocumentData> LoadAsync(RecallPageModel page, PathwayDbContext db, DateOnly today, CancellationToken ct)
    {
        var r = page.Record;
        var ids = new[] { r.ConsultedById, r.DecidedById, r.CountersignedById }.OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var recall = r.RecallId is { } rid ? await db.Recalls.AsNoTracking().FirstOrDefaultAsync(x => x.Id == rid, ct) : null;
        return new RecallDocumentData(r, page.Header.Case, page.Facts, names, recall, today);
    }
}

/// <summary>The decision-not-to-recall letter to the person, as PDF. Only for a no-recall decision.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Recall.LetterDownload)]
[CaseScoped(AccessNeed.Read, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class LetterModel(CurrentCase current, PathwayDbContext db, AuditLog audit, TimeProvider clock) : RecallPageModel(current, db, audit, clock)
{
    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct)
    {
        if (!await LoadAsync(considerationId, null, ct)) return NotFound();
        if (Record.Status != RecallConsiderationStatus.Decided || Record.Decision != RecallDecisionKind.NoRecall) return NotFound();
        var bytes = RecallDocuments.Letter(await RecallDocumentLoader.LoadAsync(this, Db, Today, ct));
        return File(bytes, "application/pdf", $"decision-not-to-recall-{Header.Case.Crn}.pdf");
    }
}

/// <summary>The recall report (or, without a recall decision, the consideration record), as PDF.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Recall.ReportDownload)]
[CaseScoped(AccessNeed.Read, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class ReportModel(CurrentCase current, PathwayDbContext db, AuditLog audit, TimeProvider clock) : RecallPageModel(current, db, audit, clock)
{
    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct)
    {
        if (!await LoadAsync(considerationId, null, ct)) return NotFound();
        var bytes = RecallDocuments.Report(await RecallDocumentLoader.LoadAsync(this, Db, Today, ct));
        return File(bytes, "application/pdf", $"recall-report-{Header.Case.Crn}.pdf");
    }
}
