using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Coordination;

public sealed record MemberDetails(Guid? OrganisationId, bool ThisService, DateOnly? JoinedOn, DateOnly? LeftOn);
public sealed record RepresentativeDetails(string? Name, string? Title, string? Email, Guid? StaffUserId, DateOnly? ActiveFrom, DateOnly? LeftOn);
public sealed record MeetingDetails(DateOnly? MeetingOn, Guid? ChairId, IReadOnlyList<Guid> Attended, IReadOnlyList<Guid> Apologies);
public sealed record ItemDetails(AgendaItemKind? Kind, string? Title, Guid? CaseId, SharingBasis? SharingBasis, LawfulBasis? LawfulBasis,
    string? LawfulBasisNote, DateOnly? ConsentOn, string? Minutes, string? Decisions);
public sealed record ActionDetails(string? Description, Guid? AgendaItemId, Guid? OwnerRepresentativeId, Guid? OwnerStaffUserId, DateOnly? DueOn);

/// <summary>What happened to a change: the record's id, the problems that stopped it, a stale version, or no such record.</summary>
public sealed record GroupSave(Guid? Id, IReadOnlyList<FieldError> Errors, bool Conflict = false, bool NotFound = false)
{
    public static GroupSave Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
    public static readonly GroupSave Missing = new(null, [], NotFound: true);
    public static readonly GroupSave Stale = new(null, [], Conflict: true);
}

/// <summary>
/// Changes to the co-ordination group, shared by the pages and the API. Every change of an existing record carries the
/// version that was read (an older one changes nothing); a meeting whose minutes are approved refuses every change but
/// an action's status; a case item needs a case the author may read and a recorded basis for sharing it.
/// </summary>
public sealed class CoordinationCommands(PathwayDbContext db, CoordinationGroup group, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private Guid UserId => http.HttpContext!.User.ToStaffContext().UserId;

    public async Task<GroupSave> SaveMemberAsync(Guid? id, MemberDetails d, int? version, List<FieldError> errors, CancellationToken ct)
    {
        GroupMember? m = null;
        if (id is { } existing && (m = await db.GroupMembers.FirstOrDefaultAsync(x => x.Id == existing, ct)) is null) return GroupSave.Missing;
        if (m is not null && version is null) errors.Add(new("Version", "Send the version of the member you are changing"));
        if (d.ThisService == (d.OrganisationId is not null)) errors.Add(new("OrganisationId", "Choose an organisation from the directory, or this service"));
        else if (d.OrganisationId is { } org && !await db.DirectoryOrganisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(new("OrganisationId", "Choose an organisation from the directory"));
        else if (await db.GroupMembers.AnyAsync(x => x.OrganisationId == d.OrganisationId && x.Id != (id ?? Guid.Empty), ct))
            errors.Add(new("OrganisationId", "This organisation is already a member of the group"));
        if (d.JoinedOn is null) errors.Add(new("JoinedOn", "Enter the date the organisation joined the group"));
        else if (d.LeftOn is { } left && left < d.JoinedOn) errors.Add(new("LeftOn", "The date it left must be on or after the date it joined"));
        if (errors.Count > 0) return GroupSave.Invalid(errors);
        if (m is null)
        {
            m = new GroupMember { CreatedAt = clock.GetUtcNow() };
            db.GroupMembers.Add(m);
        }
        else db.Entry(m).Property(x => x.Version).OriginalValue = version!.Value;
        (m.OrganisationId, m.JoinedOn, m.LeftOn) = (d.OrganisationId, d.JoinedOn!.Value, d.LeftOn);
        audit.Add(null, "GroupMember", m.Id, null);
        return await SaveAsync(m.Id, ct);
    }

    public async Task<GroupSave> SaveRepresentativeAsync(Guid? id, Guid memberId, RepresentativeDetails d, int? version, List<FieldError> errors, CancellationToken ct)
    {
        GroupRepresentative? r = null;
        if (id is { } existing && (r = await db.GroupRepresentatives.FirstOrDefaultAsync(x => x.Id == existing, ct)) is null) return GroupSave.Missing;
        if (r is not null) memberId = r.MemberId;
        else if (!await db.GroupMembers.AnyAsync(m => m.Id == memberId, ct)) return GroupSave.Missing;
        if (r is not null && version is null) errors.Add(new("Version", "Send the version of the representative you are changing"));
        if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(new("Name", "Enter the representative's name"));
        else if (d.Name.Trim().Length > 200) errors.Add(new("Name", "Name must be 200 characters or fewer"));
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add(new("Title", "Enter their role or job title"));
        else if (d.Title.Trim().Length > 200) errors.Add(new("Title", "Role must be 200 characters or fewer"));
        if (!string.IsNullOrWhiteSpace(d.Email) && (d.Email.Trim().Length > 320 || !System.Net.Mail.MailAddress.TryCreate(d.Email.Trim(), out _)))
            errors.Add(new("Email", "Enter an email address in the correct format, like name@example.org"));
        if (d.StaffUserId is { } staff && !await db.Users.AnyAsync(u => u.Id == staff, ct)) errors.Add(new("StaffUserId", "Choose a Pathway user, or none"));
        if (d.ActiveFrom is null) errors.Add(new("ActiveFrom", "Enter the date they started representing the organisation"));
        else if (d.LeftOn is { } left && left < d.ActiveFrom) errors.Add(new("LeftOn", "The date they left must be on or after the date they started"));
        if (errors.Count > 0) return GroupSave.Invalid(errors);
        if (r is null)
        {
            r = new GroupRepresentative { MemberId = memberId, Name = "", Title = "", CreatedAt = clock.GetUtcNow() };
            db.GroupRepresentatives.Add(r);
        }
        else db.Entry(r).Property(x => x.Version).OriginalValue = version!.Value;
        (r.Name, r.Title, r.Email, r.StaffUserId, r.ActiveFrom, r.LeftOn) =
            (d.Name!.Trim(), d.Title!.Trim(), string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim(), d.StaffUserId, d.ActiveFrom!.Value, d.LeftOn);
        audit.Add(null, "GroupRepresentative", r.Id, null);
        return await SaveAsync(r.Id, ct);
    }

    public async Task<GroupSave> SaveMeetingAsync(Guid? id, MeetingDetails d, int? version, List<FieldError> errors, CancellationToken ct)
    {
        GroupMeeting? m = null;
        if (id is { } existing && (m = await db.GroupMeetings.Include(x => x.Attendance).FirstOrDefaultAsync(x => x.Id == existing, ct)) is null) return GroupSave.Missing;
        if (m is not null && version is null) errors.Add(new("Version", "Send the version of the meeting you are changing"));
        if (m is not null && ReadOnly(m, errors)) return GroupSave.Invalid(errors);
        if (d.MeetingOn is null) errors.Add(new("MeetingOn", "Enter the date of the meeting"));
        var people = d.Attended.Concat(d.Apologies).Append(d.ChairId ?? Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var reps = await db.GroupRepresentatives.AsNoTracking().Where(r => people.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        bool Member(Guid rep) => reps.TryGetValue(rep, out var r) && (d.MeetingOn is not { } on || CoordinationRules.IsActive(r.ActiveFrom, r.LeftOn, on));
        if (d.Attended.Any(a => !Member(a))) errors.Add(new("Attended", "Attendees must be representatives of member organisations on the date of the meeting"));
        if (d.Apologies.Any(a => !Member(a))) errors.Add(new("Apologies", "Apologies must come from representatives of member organisations on the date of the meeting"));
        if (d.Attended.Intersect(d.Apologies).Any()) errors.Add(new("Apologies", "Someone cannot both attend and send apologies"));
        if (d.ChairId is { } chair && !d.Attended.Contains(chair)) errors.Add(new("ChairId", "The chair must be one of the attendees"));
        if (errors.Count > 0) return GroupSave.Invalid(errors);
        if (m is null)
        {
            m = new GroupMeeting { CreatedAt = clock.GetUtcNow(), Status = MeetingStatus.Planned };
            db.GroupMeetings.Add(m);
        }
        else
        {
            db.Entry(m).Property(x => x.Version).OriginalValue = version!.Value;
            db.GroupAttendance.RemoveRange(m.Attendance);
            m.Attendance.Clear();
            // Attendance rows are replaced, not edited: make sure the meeting row itself changes, so a stale version is caught.
            db.Entry(m).State = EntityState.Modified;
        }
        (m.MeetingOn, m.ChairId) = (d.MeetingOn!.Value, d.ChairId);
        foreach (var a in d.Attended.Distinct()) m.Attendance.Add(new GroupAttendance { MeetingId = m.Id, RepresentativeId = a });
        foreach (var a in d.Apologies.Distinct()) m.Attendance.Add(new GroupAttendance { MeetingId = m.Id, RepresentativeId = a, Apologies = true });
        audit.Add(null, "GroupMeeting", m.Id, null);
        return await SaveAsync(m.Id, ct);
    }

    public async Task<GroupSave> MoveMeetingAsync(Guid id, MeetingStatus? to, int? version, List<FieldError> errors, CancellationToken ct)
    {
        var m = await db.GroupMeetings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return GroupSave.Missing;
        if (version is null) errors.Add(new("Version", "Send the version of the meeting you are changing"));
        if (to is null) errors.Add(new("Status", "Choose what the meeting moves to: held or minutesApproved"));
        else if (CoordinationRules.CheckMove(m.Status, to.Value, m.MeetingOn, Today) is { } why) errors.Add(new("Status", why));
        if (errors.Count > 0) return GroupSave.Invalid(errors);
        db.Entry(m).Property(x => x.Version).OriginalValue = version!.Value;
        m.Status = to!.Value;
        if (m.Status == MeetingStatus.MinutesApproved) (m.ApprovedById, m.ApprovedAt) = (UserId, clock.GetUtcNow());
        audit.Add(null, "GroupMeeting", m.Id, null, reason: Api.Name(m.Status));
        return await SaveAsync(m.Id, ct);
    }

    public async Task<GroupSave> SaveItemAsync(Guid meetingId, Guid? itemId, ItemDetails d, int? version, List<FieldError> errors, CancellationToken ct)
    {
        var m = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return GroupSave.Missing;
        GroupAgendaItem? i = null;
        if (itemId is { } existing)
        {
            i = await db.GroupAgendaItems.FirstOrDefaultAsync(x => x.Id == existing && x.MeetingId == meetingId, ct);
            if (i is null) return GroupSave.Missing;
            // Someone who may not read the case may not learn of it by editing: the same 404 and denied row as a case read.
            if (i.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).Count == 0)
            {
                await audit.DeniedAsync("GroupAgendaItem", i.Id, c, ct);
                return GroupSave.Missing;
            }
            if (version is null) errors.Add(new("Version", "Send the version of the agenda item you are changing"));
        }
        if (ReadOnly(m, errors)) return GroupSave.Invalid(errors);
        var kind = i?.Kind ?? d.Kind;
        if (kind is null) errors.Add(new("Kind", "Choose whether this is a case discussion or a service-development item"));
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add(new("Title", "Enter a title for the item"));
        else if (d.Title.Trim().Length > CoordinationRules.TitleMax) errors.Add(new("Title", $"Title must be {CoordinationRules.TitleMax} characters or fewer"));
        if (d.Minutes is { Length: > CoordinationRules.TextMax }) errors.Add(new("Minutes", $"Minutes must be {CoordinationRules.TextMax} characters or fewer"));
        if (d.Decisions is { Length: > CoordinationRules.TextMax }) errors.Add(new("Decisions", $"Decisions must be {CoordinationRules.TextMax} characters or fewer"));
        Guid? caseId = null;
        if (kind == AgendaItemKind.CaseDiscussion)
        {
            caseId = i?.CaseId ?? d.CaseId;
            if (caseId is null) { if (!errors.Any(e => e.Field == "CaseId")) errors.Add(new("CaseId", "Enter the CRN of the person to be discussed")); }
            else if ((await group.VisibleCasesAsync([caseId.Value], ct)).Count == 0) errors.Add(new("CaseId", "There is no case with this CRN that you can see"));
            errors.AddRange(CoordinationRules.CheckSharingBasis(d.SharingBasis, d.LawfulBasis, d.LawfulBasisNote, d.ConsentOn, Today));
        }
        if (errors.Count > 0) return GroupSave.Invalid(errors);
        if (i is null)
        {
            var number = await db.GroupAgendaItems.Where(x => x.MeetingId == meetingId).Select(x => (int?)x.Number).MaxAsync(ct) ?? 0;
            i = new GroupAgendaItem { MeetingId = meetingId, Number = number + 1, Kind = kind!.Value, Title = "", CaseId = caseId, CreatedAt = clock.GetUtcNow() };
            db.GroupAgendaItems.Add(i);
        }
        else db.Entry(i).Property(x => x.Version).OriginalValue = version!.Value;
        i.Title = d.Title!.Trim();
        i.Minutes = Clean(d.Minutes);
        i.Decisions = Clean(d.Decisions);
        if (kind == AgendaItemKind.CaseDiscussion)
        {
            i.SharingBasis = d.SharingBasis;
            i.ConsentOn = d.SharingBasis == SharingBasis.AgreedToSharing ? d.ConsentOn : null;
            i.LawfulBasis = d.LawfulBasis ?? ReferralOptions.Usual;
            i.LawfulBasisNote = Clean(d.LawfulBasisNote);
        }
        audit.Add(null, "GroupAgendaItem", i.Id, i.CaseId);
        return await SaveAsync(i.Id, ct);
    }

    public async Task<GroupSave> AddActionAsync(Guid meetingId, ActionDetails d, List<FieldError> errors, CancellationToken ct)
    {
        var m = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return GroupSave.Missing;
        if (ReadOnly(m, errors)) return GroupSave.Invalid(errors);
        if (string.IsNullOrWhiteSpace(d.Description)) errors.Add(new("Description", "Describe the action"));
        else if (d.Description.Trim().Length > CoordinationRules.ActionMax) errors.Add(new("Description", $"The action must be {CoordinationRules.ActionMax} characters or fewer"));
        if (d.DueOn is null && !errors.Any(e => e.Field == "DueOn")) errors.Add(new("DueOn", "Enter the date the action is due"));
        if ((d.OwnerRepresentativeId is null) == (d.OwnerStaffUserId is null))
        {
            if (!errors.Any(e => e.Field == "Owner")) errors.Add(new("Owner", "Choose one owner for the action: a representative or a member of staff"));
        }
        else if (d.OwnerRepresentativeId is { } rep && !await db.GroupRepresentatives.AnyAsync(r => r.Id == rep, ct))
            errors.Add(new("Owner", "Choose a representative of a member organisation"));
        else if (d.OwnerStaffUserId is { } staff && !await db.Users.AnyAsync(u => u.Id == staff, ct))
            errors.Add(new("Owner", "Choose a member of staff"));
        Guid? caseId = null;
        if (d.AgendaItemId is { } itemId)
        {
            var item = await db.GroupAgendaItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == itemId && x.MeetingId == meetingId, ct);
            if (item is null || (item.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).Count == 0))
                errors.Add(new("AgendaItemId", "Choose an item on this meeting's agenda, or none"));
            else caseId = item.CaseId;
        }
        if (errors.Count > 0) return GroupSave.Invalid(errors);
        var a = new GroupAction
        {
            MeetingId = meetingId, AgendaItemId = d.AgendaItemId, CaseId = caseId, Description = d.Description!.Trim(),
            OwnerRepresentativeId = d.OwnerRepresentativeId, OwnerStaffUserId = d.OwnerStaffUserId, DueOn = d.DueOn!.Value,
            Status = GroupActionStatus.Open, CreatedAt = clock.GetUtcNow(),
        };
        db.GroupActions.Add(a);
        audit.Add(null, "GroupAction", a.Id, caseId);
        return await SaveAsync(a.Id, ct);
    }

    /// <summary>Marks an action done or dropped (or open again). Allowed after the minutes are approved: it is follow-up, not the minutes.</summary>
    public async Task<GroupSave> SetActionStatusAsync(Guid id, GroupActionStatus? status, int? version, List<FieldError> errors, CancellationToken ct)
    {
        var a = await db.GroupActions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return GroupSave.Missing;
        if (a.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).Count == 0)
        {
            await audit.DeniedAsync("GroupAction", a.Id, c, ct);
            return GroupSave.Missing;
        }
        if (version is null) errors.Add(new("Version", "Send the version of the action you are changing"));
        if (status is null && !errors.Any(e => e.Field == "Status")) errors.Add(new("Status", "Choose the action's status: open, done or dropped"));
        if (errors.Count > 0) return GroupSave.Invalid(errors);
        db.Entry(a).Property(x => x.Version).OriginalValue = version!.Value;
        a.Status = status!.Value;
        a.StatusOn = Today;
        audit.Add(null, "GroupAction", a.Id, a.CaseId, reason: Api.Name(a.Status));
        return await SaveAsync(a.Id, ct);
    }

    private static bool ReadOnly(GroupMeeting m, List<FieldError> errors)
    {
        if (!CoordinationRules.IsReadOnly(m.Status)) return false;
        errors.Add(new("Meeting", $"The minutes of the meeting on {Display.Date(m.MeetingOn)} are approved: the meeting is read-only"));
        return true;
    }

    private async Task<GroupSave> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new GroupSave(id, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return GroupSave.Stale;
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
