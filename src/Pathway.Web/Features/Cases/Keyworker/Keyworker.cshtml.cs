using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Cases.Keyworker;

/// <summary>
/// Sets (or clears) a case's approved-premises keyworker: a member of staff of the premises the person lives in. Offender
/// managers, senior probation officers and approved-premises staff who can see the case may do it. The form carries
/// the case's version, so a change made meanwhile by someone else is never silently overwritten.
/// </summary>
[Authorize(Policy = Policies.KeyworkerSetter)]
[Audited("case.keyworker.set")]
public sealed class KeyworkerModel(CaseAccess access, PathwayDbContext db, AuditLog audit) : PageModel
{
    public const string None = "none";

    [BindProperty] public string? KeyworkerId { get; set; }
    [BindProperty] public int Version { get; set; }
    public CaseRecord Case { get; private set; } = null!;
    public CaseHeader Header { get; private set; } = null!;
    public string? PremisesName { get; private set; }
    public IReadOnlyList<Govuk.Option> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.LoadAsync(id, AccessNeed.Read, ct) is not { } c) return NotFound();
        await LoadAsync(c, ct);
        KeyworkerId = c.ApKeyworkerId?.ToString() ?? None;
        Version = c.Version;
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await access.LoadAsync(id, AccessNeed.Read, ct) is not { } c) return NotFound();
        ModelState.Clear();
        await LoadAsync(c, ct);
        Guid? chosen = null;
        if (string.IsNullOrEmpty(KeyworkerId)) ModelState.AddModelError(nameof(KeyworkerId), "Select the keyworker, or no keyworker");
        else if (KeyworkerId != None)
        {
            if (Choices.Any(o => o.Value == KeyworkerId && o.Value != None)) chosen = Guid.Parse(KeyworkerId);
            else ModelState.AddModelError(nameof(KeyworkerId), "Select a member of staff of the approved premises this person lives in");
        }
        if (Version != c.Version)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this case while you were choosing. Nothing has been saved. Check the keyworker shown, then choose again.");
            KeyworkerId = c.ApKeyworkerId?.ToString() ?? None;
            Version = c.Version;
        }
        if (!ModelState.IsValid) return Page();

        c.ApKeyworkerId = chosen;
        db.Entry(c).Property(x => x.Version).OriginalValue = Version;
        audit.Add(null, "Case", c.Id, c.Id, reason: chosen is null ? "cleared" : $"keyworker {chosen}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "Someone else changed this case while you were choosing. Nothing has been saved. Check the keyworker shown, then choose again.");
            var fresh = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            (KeyworkerId, Version) = (fresh.ApKeyworkerId?.ToString() ?? None, fresh.Version);
            return Page();
        }
        TempData["Success"] = chosen is null ? "The AP keyworker has been removed" : "The AP keyworker has been saved";
        return Redirect($"/cases/{c.Id}");
    }

    /// <summary>The choices: active approved-premises staff of the premises the person lives in, and the current keyworker.</summary>
    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        Case = c;
        Header = new CaseHeader(c, CaseTab.Overview, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await access.CanEditAsync(c, ct));
        PremisesName = c.ApprovedPremisesId is { } ap ? await db.Teams.AsNoTracking().Where(t => t.Id == ap).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        var apRole = await db.Roles.AsNoTracking().Where(r => r.Name == nameof(StaffRole.ApprovedPremisesStaff)).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var staff = c.ApprovedPremisesId is { } premises
            ? await db.Users.AsNoTracking()
                .Where(u => u.DisabledAt == null && u.TeamId == premises && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == apRole))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(200).ToListAsync(ct)
            : [];
        var options = staff.Select(s => new Govuk.Option(s.Id.ToString(), s.DisplayName)).ToList();
        options.Add(new Govuk.Option(None, "No keyworker"));
        Choices = options;
    }
}
