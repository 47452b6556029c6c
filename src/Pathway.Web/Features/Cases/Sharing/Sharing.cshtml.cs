using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Cases.Sharing;

/// <summary>
/// Who else may see a case: the police public protection units it is shared with and, for a restricted case, the
/// staff named on it (the only people who can see it at all). Only someone who can edit the case may change either.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("case.sharing.update")]
public sealed class SharingModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record NamedPerson(Guid Id, string Name, string Email);

    /// <summary>The police units ticked, as team ids.</summary>
    [BindProperty] public List<string> Units { get; set; } = [];
    [BindProperty] public string? Email { get; set; }

    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<Govuk.Option> PoliceUnits { get; private set; } = [];
    public IReadOnlyList<NamedPerson> Named { get; private set; } = [];
    public Guid Me => User.ToStaffContext().UserId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "CaseSharing");
        if (c is null) return NotFound();
        await audit.WriteAsync("case.sharing.read", "CaseSharing", c.Id, c.Id, ct: ct);
        await LoadAsync(c, resetUnits: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnitsAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "CaseSharing");
        if (c is null) return NotFound();
        ModelState.Clear();
        var police = await db.Teams.AsNoTracking().Where(t => t.Kind == TeamKind.Police).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var chosen = new HashSet<Guid>();
        foreach (var u in Units)
        {
            if (Guid.TryParse(u, out var g) && police.ContainsKey(g)) chosen.Add(g);
            else ModelState.AddModelError(nameof(Units), "Select police units from the list");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(c, resetUnits: false, ct);
            return Page();
        }

        // Only shares with police units are managed here; any other share is left as it is.
        var current = c.Shares.Where(s => police.ContainsKey(s.TeamId)).ToList();
        var added = chosen.Where(t => current.All(s => s.TeamId != t)).ToList();
        var removed = current.Where(s => !chosen.Contains(s.TeamId)).ToList();
        if (added.Count == 0 && removed.Count == 0) return Redirect($"/cases/{c.Id}/sharing");

        var now = clock.GetUtcNow();
        foreach (var t in added) db.CaseShares.Add(new CaseShare { CaseId = c.Id, TeamId = t, SharedAt = now, SharedById = Me });
        db.CaseShares.RemoveRange(removed);
        var what = new List<string>();
        if (added.Count > 0) what.Add("shared with " + string.Join(", ", added.Select(t => police[t])));
        if (removed.Count > 0) what.Add("stopped sharing with " + string.Join(", ", removed.Select(s => police[s.TeamId])));
        audit.Add(null, "CaseSharing", c.Id, c.Id, AuditOutcome.Allowed, string.Join("; ", what));
        return await SaveAsync(c, "Sharing with police units saved", ct);
    }

    public async Task<IActionResult> OnPostAddNamedAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "CaseSharing");
        if (c is null) return NotFound();
        if (!c.IsRestricted) return NotFound();
        ModelState.Clear();
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address of the person to name on this case");
        }
        else
        {
            var upper = email.ToUpperInvariant();
            var person = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == upper && u.DisabledAt == null)
                .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
            var roles = person is null ? [] : await db.UserRoles.Where(ur => ur.UserId == person.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
            // Someone whose role cannot see case data would gain nothing from being named, so say so now.
            var seesCases = roles.Any(r => Enum.TryParse<StaffRole>(r, out var sr) && StaffRoles.SeesCaseData(sr));
            if (person is null || !seesCases)
                ModelState.AddModelError(nameof(Email), "No active member of staff who can see case data has that email address");
            else if (c.NamedStaff.Any(n => n.UserId == person.Id))
                ModelState.AddModelError(nameof(Email), $"{person.DisplayName} is already named on this case");
            else
            {
                db.CaseNamedStaff.Add(new CaseNamedStaff { CaseId = c.Id, UserId = person.Id });
                audit.Add(null, "CaseNamedStaff", person.Id, c.Id, AuditOutcome.Allowed, "named staff added");
                return await SaveAsync(c, $"{person.DisplayName} can now see this case", ct);
            }
        }
        await LoadAsync(c, resetUnits: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveNamedAsync(Guid id, Guid userId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "CaseSharing");
        if (c is null) return NotFound();
        if (!c.IsRestricted) return NotFound();
        ModelState.Clear();
        if (userId == Me)
        {
            // Keeps at least one editor on a restricted case: whoever can reach this page is named on it.
            ModelState.AddModelError(string.Empty, "You cannot remove yourself from this case. Ask another named member of staff to do it");
            await LoadAsync(c, resetUnits: true, ct);
            return Page();
        }
        var row = c.NamedStaff.FirstOrDefault(n => n.UserId == userId);
        if (row is null) return Redirect($"/cases/{c.Id}/sharing");
        db.CaseNamedStaff.Remove(row);
        audit.Add(null, "CaseNamedStaff", userId, c.Id, AuditOutcome.Allowed, "named staff removed");
        return await SaveAsync(c, "Removed from this case", ct);
    }

    private async Task<IActionResult> SaveAsync(CaseRecord c, string done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else changed the same sharing between our load and save; nothing of ours was kept.
            db.ChangeTracker.Clear();
            var fresh = await db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).AsSplitQuery().FirstAsync(x => x.Id == c.Id, ct);
            ModelState.AddModelError(string.Empty, "Someone else changed who can see this case at the same time. Nothing has been saved. Check the page and try again.");
            await LoadAsync(fresh, resetUnits: true, ct);
            return Page();
        }
        TempData["Success"] = done;
        return Redirect($"/cases/{c.Id}/sharing");
    }

    private async Task LoadAsync(CaseRecord c, bool resetUnits, CancellationToken ct)
    {
        Header = new CaseHeader(c, CaseTab.Sharing, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: true);
        var police = await db.Teams.AsNoTracking().Where(t => t.Kind == TeamKind.Police).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        PoliceUnits = police.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => new Govuk.Option(t.Id.ToString(), t.Name)).ToList();
        if (resetUnits)
        {
            var ids = police.Select(t => t.Id).ToHashSet();
            Units = c.Shares.Where(s => ids.Contains(s.TeamId)).Select(s => s.TeamId.ToString()).ToList();
        }
        var namedIds = c.NamedStaff.Select(n => n.UserId).ToArray();
        Named = (await db.Users.AsNoTracking().Where(u => namedIds.Contains(u.Id))
                .Select(u => new NamedPerson(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
