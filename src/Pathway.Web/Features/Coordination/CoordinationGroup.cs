using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Coordination;
using Pathway.Domain.Referrals;
using Pathway.Domain.Signposting;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Coordination;

/// <summary>
/// Reading the service co-ordination group's records, shared by the pages, the API and the minutes PDF so that all
/// three hide exactly the same things. Who may read the group at all is <see cref="CoordinationRoles.CanRead"/>; each
/// case discussion (and its actions) is then shown only to readers who may read that case — the same rules as
/// <see cref="CaseAccess"/>, asked once per request through <see cref="CaseAccess.VisibleAsync"/>. Every case item
/// shown writes a read row with its case id; restricted items show nothing of the case and write nothing.
/// </summary>
public sealed class CoordinationGroup(PathwayDbContext db, CaseAccess access, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const string ThisService = "Personality disorder service (this service)";

    private StaffContext Who => http.HttpContext!.User.ToStaffContext();
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public bool CanAdminister => CoordinationRoles.CanAdminister(Who.Roles);

    /// <summary>May the signed-in person mark this action done, dropped or open again (<see cref="CoordinationRoles.CanSetActionStatus"/>)?</summary>
    public async Task<bool> CanSetStatusAsync(GroupAction a, CancellationToken ct) => CoordinationRoles.CanSetActionStatus(Who.Roles, await OwnsAsync(a, ct));

    /// <summary>Whether the signed-in person owns this action: it was given to them, or to a representative they are linked to while active.</summary>
    public async Task<bool> OwnsAsync(GroupAction a, CancellationToken ct)
    {
        var me = Who.UserId;
        if (a.OwnerStaffUserId == me) return true;
        if (a.OwnerRepresentativeId is not { } rep) return false;
        var today = Today;
        return await db.GroupRepresentatives.AsNoTracking()
            .AnyAsync(r => r.Id == rep && r.StaffUserId == me && r.ActiveFrom <= today && (r.LeftOn == null || r.LeftOn > today), ct);
    }

    /// <summary>Whether the signed-in person is linked to a representative who is active today.</summary>
    public async Task<bool> IsRepresentativeAsync(CancellationToken ct)
    {
        var me = Who.UserId;
        var today = Today;
        return await db.GroupRepresentatives.AsNoTracking()
            .AnyAsync(r => r.StaffUserId == me && r.ActiveFrom <= today && (r.LeftOn == null || r.LeftOn > today), ct);
    }

    /// <summary>May the signed-in person read the group's records? Callers answer 404 when not (the group's existence is not secret, its business is).</summary>
    public async Task<bool> CanReadAsync(CancellationToken ct) =>
        CoordinationRoles.CanRead(Who.Roles, Who.IsInAny(RoleSets.CoordinationMemberReaders) && await IsRepresentativeAsync(ct));

    /// <summary>Of these cases, the ones the signed-in person may read, with the name and CRN to show.</summary>
    public async Task<IReadOnlyDictionary<Guid, (string Name, string Crn)>> VisibleCasesAsync(IEnumerable<Guid> caseIds, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        if (ids.Count == 0 || !Who.SeesCaseData) return new Dictionary<Guid, (string, string)>();
        var visible = await access.VisibleAsync(ct);
        return (await visible.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.GivenName, c.FamilyName, c.Crn }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => ($"{c.GivenName} {c.FamilyName}", c.Crn));
    }

    /// <summary>The case a CRN names, if the signed-in person may read it.</summary>
    public async Task<Guid?> VisibleCaseByCrnAsync(string crn, CancellationToken ct)
    {
        if (!Who.SeesCaseData) return null;
        var visible = await access.VisibleAsync(ct);
        var wanted = crn.Trim().ToUpperInvariant();
        return await visible.Where(c => c.Crn == wanted).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<MemberView>> MembersAsync(CancellationToken ct)
    {
        var members = await db.GroupMembers.AsNoTracking().Include(m => m.Organisation).Include(m => m.Representatives).ToListAsync(ct);
        var staffIds = members.SelectMany(m => m.Representatives).Select(r => r.StaffUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var today = Today;
        return members
            .Select(m => new MemberView(m.Id, m.OrganisationId, m.Organisation?.Name ?? ThisService,
                m.Organisation is { } o ? Sectors.DisplayName(o.Sector) : "Specialist personality disorder service",
                m.JoinedOn, m.LeftOn, CoordinationRules.IsActive(m.JoinedOn, m.LeftOn, today),
                m.Representatives.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(r => ToView(r, r.StaffUserId is { } s ? names.GetValueOrDefault(s) : null, today)).ToList(), m.Version))
            .OrderBy(m => m.OrganisationId is null ? 0 : 1).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static RepresentativeView ToView(GroupRepresentative r, string? staffName, DateOnly today) =>
        new(r.Id, r.MemberId, r.Name, r.Title, r.Email, r.StaffUserId, staffName, r.ActiveFrom, r.LeftOn, CoordinationRules.IsActive(r.ActiveFrom, r.LeftOn, today), r.Version);

    public async Task<IReadOnlyList<MeetingSummary>> MeetingsAsync(CancellationToken ct)
    {
        var today = Today;
        var meetings = await db.GroupMeetings.AsNoTracking().OrderByDescending(m => m.MeetingOn)
            .Select(m => new { m.Id, m.MeetingOn, m.Status, Items = m.Items.Count }).ToListAsync(ct);
        var actions = await db.GroupActions.AsNoTracking().Where(a => a.Status == GroupActionStatus.Open)
            .Select(a => new { a.MeetingId, a.DueOn }).ToListAsync(ct);
        return meetings.Select(m => new MeetingSummary(m.Id, m.MeetingOn, m.Status, m.Items,
            actions.Count(a => a.MeetingId == m.Id), actions.Count(a => a.MeetingId == m.Id && a.DueOn < today))).ToList();
    }

    /// <summary>
    /// One meeting as the signed-in person may see it, or null if there is no such meeting. Writes a read row for the
    /// meeting and one per case item shown (with its case id); <paramref name="save"/> writes them.
    /// </summary>
    public async Task<MeetingView?> MeetingAsync(Guid id, CancellationToken ct, bool save = true)
    {
        var m = await db.GroupMeetings.AsNoTracking().Include(x => x.Attendance).Include(x => x.Items).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var actions = await db.GroupActions.AsNoTracking().Where(a => a.MeetingId == id).ToListAsync(ct);
        var cases = await VisibleCasesAsync(m.Items.Select(i => i.CaseId).Concat(actions.Select(a => a.CaseId)).OfType<Guid>(), ct);
        var repIds = m.Attendance.Select(a => a.RepresentativeId).Append(m.ChairId ?? Guid.Empty).ToList();
        var reps = await db.GroupRepresentatives.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var owners = await OwnerNamesAsync(actions, ct);
        string? approvedBy = m.ApprovedById is { } ab ? await db.Users.AsNoTracking().Where(u => u.Id == ab).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;

        var items = m.Items.OrderBy(i => i.Number).Select(i => ToView(i, cases)).ToList();
        // One row per case shown; audit rows are sequenced as they are saved, so each is written on its own.
        await audit.ReadAsync("GroupMeeting", m.Id, null, ct);
        foreach (var i in items.Where(i => i.CaseId is not null)) await audit.ReadAsync("GroupAgendaItem", i.Id, i.CaseId, ct);

        (Guid, string) Rep(Guid r) => (r, reps.GetValueOrDefault(r) ?? "Unknown");
        return new MeetingView(m.Id, m.MeetingOn, m.Status, m.ChairId, m.ChairId is { } c ? reps.GetValueOrDefault(c) : null,
            m.Attendance.Where(a => !a.Apologies).Select(a => Rep(a.RepresentativeId)).OrderBy(a => a.Item2, StringComparer.OrdinalIgnoreCase).ToList(),
            m.Attendance.Where(a => a.Apologies).Select(a => Rep(a.RepresentativeId)).OrderBy(a => a.Item2, StringComparer.OrdinalIgnoreCase).ToList(),
            items, actions.OrderBy(a => a.DueOn).Select(a => ToView(a, m.MeetingOn, cases, owners)).ToList(), m.ApprovedAt, approvedBy, m.Version);
    }

    /// <summary>One agenda item as the signed-in person may see it (with a read row carrying its case id when it is a visible case item).</summary>
    public async Task<ItemView?> ItemAsync(Guid itemId, CancellationToken ct)
    {
        var i = await db.GroupAgendaItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == itemId, ct);
        if (i is null) return null;
        var view = ToView(i, await VisibleCasesAsync(i.CaseId is { } c ? [c] : [], ct));
        await audit.ReadAsync("GroupAgendaItem", i.Id, view.CaseId, ct);
        return view;
    }

    /// <summary>The group's actions (all, or only open ones), soonest due first; case actions hidden as on the meeting page.</summary>
    public async Task<IReadOnlyList<ActionView>> ActionsAsync(bool openOnly, Guid? ownerStaffUserId, CancellationToken ct, string? auditAction = null, DateOnly? dueBy = null)
    {
        var q = db.GroupActions.AsNoTracking();
        if (openOnly) q = q.Where(a => a.Status == GroupActionStatus.Open);
        if (dueBy is { } by) q = q.Where(a => a.DueOn <= by);
        if (ownerStaffUserId is { } owner)
        {
            var myReps = db.GroupRepresentatives.Where(r => r.StaffUserId == owner).Select(r => (Guid?)r.Id);
            q = q.Where(a => a.OwnerStaffUserId == owner || myReps.Contains(a.OwnerRepresentativeId));
        }
        var actions = await q.OrderBy(a => a.DueOn).Take(500).ToListAsync(ct);
        var meetingIds = actions.Select(a => a.MeetingId).Distinct().ToList();
        var dates = await db.GroupMeetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.MeetingOn, ct);
        var cases = await VisibleCasesAsync(actions.Select(a => a.CaseId).OfType<Guid>(), ct);
        var owners = await OwnerNamesAsync(actions, ct);
        var views = actions.Select(a => ToView(a, dates[a.MeetingId], cases, owners)).ToList();
        foreach (var a in actions.Where(a => a.CaseId is { } c && cases.ContainsKey(c))) await audit.WriteAsync(auditAction, "GroupAction", a.Id, a.CaseId, ct: ct);
        return views;
    }

    // The staff user linked to each owning representative, from the last OwnerNamesAsync, so a list can offer owners their own actions.
    private Dictionary<Guid, Guid> _linkedUsers = [];

    private async Task<Dictionary<Guid, string>> OwnerNamesAsync(IReadOnlyCollection<GroupAction> actions, CancellationToken ct)
    {
        var repIds = actions.Select(a => a.OwnerRepresentativeId).OfType<Guid>().Distinct().ToList();
        var userIds = actions.Select(a => a.OwnerStaffUserId).OfType<Guid>().Distinct().ToList();
        var reps = await db.GroupRepresentatives.AsNoTracking().Where(r => repIds.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.StaffUserId }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        _linkedUsers = reps.Where(r => r.StaffUserId is not null).ToDictionary(r => r.Id, r => r.StaffUserId!.Value);
        return reps.Select(r => (r.Id, r.Name)).Concat(users.Select(u => (u.Id, u.DisplayName))).ToDictionary(x => x.Item1, x => x.Item2);
    }

    public ItemView ToView(GroupAgendaItem i, IReadOnlyDictionary<Guid, (string Name, string Crn)> visible)
    {
        if (i.Kind == AgendaItemKind.CaseDiscussion)
        {
            if (i.CaseId is not { } c || !visible.TryGetValue(c, out var person))
                return new ItemView(i.Id, i.MeetingId, i.Number, i.Kind, true, ItemView.RestrictedTitle, null, null, null, null, null, null, i.Version);
            return new ItemView(i.Id, i.MeetingId, i.Number, i.Kind, false, i.Title, c, person.Name, person.Crn, Basis(i), i.Minutes, i.Decisions, i.Version);
        }
        return new ItemView(i.Id, i.MeetingId, i.Number, i.Kind, false, i.Title, null, null, null, null, i.Minutes, i.Decisions, i.Version);
    }

    private ActionView ToView(GroupAction a, DateOnly meetingOn, IReadOnlyDictionary<Guid, (string, string)> visible, IReadOnlyDictionary<Guid, string> owners)
    {
        var restricted = a.CaseId is { } c && !visible.ContainsKey(c);
        var owner = (a.OwnerRepresentativeId ?? a.OwnerStaffUserId) is { } o ? owners.GetValueOrDefault(o) ?? "Unknown" : "No owner";
        return new ActionView(a.Id, a.MeetingId, meetingOn, a.AgendaItemId, restricted, restricted ? ActionView.RestrictedDescription : a.Description, owner,
            a.OwnerStaffUserId, a.DueOn, a.Status, CoordinationRules.IsOverdue(a.Status, a.DueOn, Today), a.Version)
        {
            OwnerUserId = a.OwnerStaffUserId ?? (a.OwnerRepresentativeId is { } r ? _linkedUsers.GetValueOrDefault(r) : null),
        };
    }

    public static string? Basis(GroupAgendaItem i)
    {
        var agreement = i.SharingBasis switch
        {
            SharingBasis.AgreedToSharing => i.ConsentOn is { } on ? $"The person agreed on {Display.Date(on)}" : "The person agreed",
            SharingBasis.SharedWithoutAgreement => "Shared without the person's agreement",
            _ => null,
        };
        if (agreement is null) return null;
        var lawful = i.LawfulBasis is { } b ? $". Lawful basis: {ReferralOptions.DisplayName(b)}" : "";
        return agreement + lawful + (string.IsNullOrWhiteSpace(i.LawfulBasisNote) ? "" : $" ({i.LawfulBasisNote})");
    }
}
