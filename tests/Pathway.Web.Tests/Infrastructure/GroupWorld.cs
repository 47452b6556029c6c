using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Coordination;
using Pathway.Domain.Referrals;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// The service co-ordination group in the test world. Every role the reader policy admits on membership (probation,
/// police, AP, partner) is linked to an active representative, so the authorization matrix sees them served. One held
/// meeting has a service-development item, a case item on the in-scope case (consent) and one on the restricted case
/// (lawful basis); an overdue action owned by the partner's representative and an action under the in-scope case item.
/// Group records are not case-scoped, so each id is the same for every scope.
/// </summary>
public static class GroupWorld
{
    public const string InScopeMinutes = "WORLD-CASE-MINUTES-IN-SCOPE";
    public const string RestrictedMinutes = "WORLD-CASE-MINUTES-RESTRICTED";
    public const string CaseActionText = "WORLD-CASE-ACTION";

    public static async Task<IReadOnlyDictionary<string, ScopedIds>> AddAsync(PathwayDbContext db, IReadOnlyDictionary<string, ScopedIds> ids,
        DirectoryOrganisation partnerOrg, CaseRecord inScope, CaseRecord restricted, IReadOnlyDictionary<StaffRole, StaffUser> byRole, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var justice = new DirectoryOrganisation { Name = "World Justice Partners", Sector = Sector.Other, CreatedAt = now };
        db.DirectoryOrganisations.Add(justice);
        var service = new GroupMember { OrganisationId = null, JoinedOn = today.AddYears(-1), CreatedAt = now };
        var partner = new GroupMember { OrganisationId = partnerOrg.Id, JoinedOn = today.AddYears(-1), CreatedAt = now };
        var justiceMember = new GroupMember { OrganisationId = justice.Id, JoinedOn = today.AddYears(-1), CreatedAt = now };
        db.GroupMembers.AddRange(service, partner, justiceMember);
        GroupRepresentative Rep(GroupMember m, StaffRole role) => new()
        {
            MemberId = m.Id, Name = byRole[role].DisplayName, Title = StaffRoles.DisplayName(role), StaffUserId = byRole[role].Id,
            ActiveFrom = today.AddYears(-1), CreatedAt = now,
        };
        var psychologist = Rep(service, StaffRole.Psychologist);
        var partnerRep = Rep(partner, StaffRole.PartnerAgency);
        var reps = new[]
        {
            psychologist, partnerRep, Rep(justiceMember, StaffRole.OffenderManager), Rep(justiceMember, StaffRole.SeniorProbationOfficer),
            Rep(justiceMember, StaffRole.PublicProtectionOfficer), Rep(justiceMember, StaffRole.ApprovedPremisesStaff),
        };
        db.GroupRepresentatives.AddRange(reps);
        var meeting = new GroupMeeting { MeetingOn = today.AddDays(-7), Status = MeetingStatus.Held, ChairId = psychologist.Id, CreatedAt = now };
        foreach (var r in reps) meeting.Attendance.Add(new GroupAttendance { MeetingId = meeting.Id, RepresentativeId = r.Id });
        var serviceItem = new GroupAgendaItem
        {
            MeetingId = meeting.Id, Number = 1, Kind = AgendaItemKind.ServiceDevelopment, Title = "Waiting times for the wellbeing group",
            Minutes = "Waits are down to three weeks.", CreatedAt = now,
        };
        var inItem = new GroupAgendaItem
        {
            MeetingId = meeting.Id, Number = 2, Kind = AgendaItemKind.CaseDiscussion, Title = "Housing and engagement", CaseId = inScope.Id,
            SharingBasis = SharingBasis.AgreedToSharing, ConsentOn = today.AddDays(-10), Minutes = InScopeMinutes, CreatedAt = now,
        };
        var restrictedItem = new GroupAgendaItem
        {
            MeetingId = meeting.Id, Number = 3, Kind = AgendaItemKind.CaseDiscussion, Title = "Risk to a named partner", CaseId = restricted.Id,
            SharingBasis = SharingBasis.SharedWithoutAgreement, LawfulBasis = LawfulBasis.SafeguardingIndividualsAtRisk, Minutes = RestrictedMinutes, CreatedAt = now,
        };
        meeting.Items.AddRange([serviceItem, inItem, restrictedItem]);
        db.GroupMeetings.Add(meeting);
        var serviceAction = new GroupAction
        {
            MeetingId = meeting.Id, AgendaItemId = serviceItem.Id, Description = "Send the group the new referral form", OwnerRepresentativeId = partnerRep.Id,
            DueOn = today.AddDays(-2), Status = GroupActionStatus.Open, CreatedAt = now,
        };
        var caseAction = new GroupAction
        {
            MeetingId = meeting.Id, AgendaItemId = inItem.Id, CaseId = inScope.Id, Description = CaseActionText, OwnerStaffUserId = byRole[StaffRole.Psychologist].Id,
            DueOn = today.AddDays(14), Status = GroupActionStatus.Open, CreatedAt = now,
        };
        db.GroupActions.AddRange(serviceAction, caseAction);
        await db.SaveChangesAsync();
        ScopedIds Same(Guid id) => new(id, id, id);
        return new Dictionary<string, ScopedIds>(ids)
        {
            ["memberId"] = Same(partner.Id), ["representativeId"] = Same(partnerRep.Id), ["meetingId"] = Same(meeting.Id),
            ["agendaItemId"] = Same(serviceItem.Id), ["groupActionId"] = Same(serviceAction.Id),
            ["inScopeAgendaItemId"] = Same(inItem.Id), ["restrictedAgendaItemId"] = Same(restrictedItem.Id), ["caseGroupActionId"] = Same(caseAction.Id),
        };
    }
}
