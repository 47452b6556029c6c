using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>A warning letter as a printable page, its words composed by <see cref="WarningLetterText"/> (the PDF renders the same words).</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("warning.letter.read")]
public sealed class WarningLetterPageModel(CaseAccess access, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public LetterText Letter { get; private set; } = null!;
    public DateOnly IssuedOn { get; private set; }
    public Guid WarningId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid warningId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "WarningLetter", warningId);
        if (c is null) return NotFound();
        var letter = await CaseRecordLookup.FindAsync(db.WarningLetters.AsNoTracking(), audit, id, warningId, ct);
        if (letter is null) return NotFound();
        var officer = letter.IssuedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        Letter = WarningLetterText.Compose(letter, c, officer);
        IssuedOn = letter.IssuedOn;
        WarningId = letter.Id;
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        return Page();
    }
}
