using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>A warning letter as a printable page, its words composed by <see cref="WarningLetterText"/> (the PDF renders the same words).</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Warning.LetterRead)]
[CaseScoped(AccessNeed.Read, EntityType = "WarningLetter", EntityRouteValue = "warningId")]
public sealed class WarningLetterPageModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public LetterText Letter { get; private set; } = null!;
    public DateOnly IssuedOn { get; private set; }
    public Guid WarningId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid warningId, CancellationToken ct)
    {
        var c = current.Context.Case;
        var letter = await CaseRecordLookup.FindAsync(db.WarningLetters.AsNoTracking(), audit, c.Id, warningId, ct);
        if (letter is null) return NotFound();
        var officer = letter.IssuedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        Letter = WarningLetterText.Compose(letter, c, officer);
        IssuedOn = letter.IssuedOn;
        WarningId = letter.Id;
        Header = current.Context.Header(CaseTab.Compliance);
        return Page();
    }
}
