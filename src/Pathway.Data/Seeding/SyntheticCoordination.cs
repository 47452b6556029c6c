using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Coordination;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding;

/// <summary>The service co-ordination group: a small demo group with one held meeting, and a generated two years of monthly meetings.</summary>
public static class SyntheticCoordination
{
    /// <summary>
    /// The demo group: the service and four directory organisations (Harbour Wellbeing's representative is the demo
    /// partner user), a held meeting with a case discussion about <paramref name="discussed"/> (visible to the demo
    /// psychologist, not to the Northfield offender manager or the partner), a service-development item and three
    /// actions (one overdue, owned by the partner); and a planned meeting next month.
    /// </summary>
    public static void AddDemo(PathwayDbContext db, IReadOnlyList<DirectoryService> directory, IReadOnlyDictionary<string, StaffUser> staff,
        CaseRecord discussed, DateOnly today, DateTimeOffset now)
    {
        var since = today.AddMonths(-18);
        var orgs = db.DirectoryOrganisations.Local.Where(o => directory.Any(s => s.OrganisationId == o.Id)).ToDictionary(o => o.Name);
        GroupMember Member(DirectoryOrganisation? o)
        {
            var m = new GroupMember { OrganisationId = o?.Id, JoinedOn = since, CreatedAt = now };
            db.GroupMembers.Add(m);
            return m;
        }
        GroupRepresentative Rep(GroupMember m, string name, string title, string email, StaffUser? user = null)
        {
            var r = new GroupRepresentative { MemberId = m.Id, Name = name, Title = title, Email = email, StaffUserId = user?.Id, ActiveFrom = since, CreatedAt = now };
            db.GroupRepresentatives.Add(r);
            return r;
        }
        var service = Member(null);
        var lead = Rep(service, staff["clinical.lead@pathway.example"].DisplayName, "Clinical lead (chair)", "clinical.lead@pathway.example", staff["clinical.lead@pathway.example"]);
        var psychologist = Rep(service, staff["psychologist@pathway.example"].DisplayName, "Clinical psychologist", "psychologist@pathway.example", staff["psychologist@pathway.example"]);
        var harbour = Member(orgs["Harbour Wellbeing"]);
        var partner = Rep(harbour, staff["partner@pathway.example"].DisplayName, "Services coordinator", "partner@pathway.example", staff["partner@pathway.example"]);
        var housing = Rep(Member(orgs["Zedshire Housing Advice"]), "Amir Haddad", "Senior housing adviser", "amir.haddad@housing.example");
        var cmht = Rep(Member(orgs["Zedshire Mental Health NHS Trust"]), "Dr Lena Sørensen", "Consultant psychiatrist", "lena.sorensen@nhs.example");
        var recovery = Rep(Member(orgs["Riverside Recovery Partnership"]), "Owen Price", "Team leader", "owen.price@recovery.example");

        var held = new GroupMeeting { MeetingOn = today.AddDays(-21), Status = MeetingStatus.Held, ChairId = lead.Id, CreatedAt = now };
        foreach (var r in new[] { lead, psychologist, partner, housing, cmht }) held.Attendance.Add(new GroupAttendance { MeetingId = held.Id, RepresentativeId = r.Id });
        held.Attendance.Add(new GroupAttendance { MeetingId = held.Id, RepresentativeId = recovery.Id, Apologies = true });
        var development = new GroupAgendaItem
        {
            MeetingId = held.Id, Number = 1, Kind = AgendaItemKind.ServiceDevelopment, Title = "Waiting times for the emotional wellbeing group", CreatedAt = now,
            Minutes = "Harbour Wellbeing reported waits of about three weeks. Referrals from the PD service are arriving with consent and a clear contact route.",
            Decisions = "Harbour Wellbeing to share a one-page referral guide with probation teams; the clinical lead to add the group's waiting times to the service's referral guidance.",
        };
        var caseItem = new GroupAgendaItem
        {
            MeetingId = held.Id, Number = 2, Kind = AgendaItemKind.CaseDiscussion, Title = "Housing and engagement", CaseId = discussed.Id,
            SharingBasis = SharingBasis.AgreedToSharing, ConsentOn = today.AddDays(-30), LawfulBasis = LawfulBasis.PublicTaskHealthAndCare, CreatedAt = now,
            Minutes = "Engagement with supervision has improved since the care plan was agreed. Housing is at risk at the end of next month.",
            Decisions = "Housing advice to prioritise an assessment; the psychologist to brief the housing adviser on how to work with them.",
        };
        held.Items.AddRange([development, caseItem]);
        db.GroupMeetings.Add(held);
        db.GroupActions.AddRange(
            new GroupAction
            {
                MeetingId = held.Id, AgendaItemId = development.Id, Description = "Send probation teams the one-page referral guide",
                OwnerRepresentativeId = partner.Id, DueOn = today.AddDays(-5), Status = GroupActionStatus.Open, CreatedAt = now,
            },
            // Owned by a member of staff and overdue: the daily job reminds the clinical lead of it.
            new GroupAction
            {
                MeetingId = held.Id, AgendaItemId = development.Id, Description = "Add the group's waiting times to the referral guidance",
                OwnerStaffUserId = staff["clinical.lead@pathway.example"].Id, DueOn = today.AddDays(-7), Status = GroupActionStatus.Open, CreatedAt = now,
            },
            new GroupAction
            {
                MeetingId = held.Id, AgendaItemId = caseItem.Id, CaseId = discussed.Id, Description = "Book a housing assessment",
                OwnerRepresentativeId = housing.Id, DueOn = today.AddDays(7), Status = GroupActionStatus.Open, CreatedAt = now,
            },
            new GroupAction
            {
                MeetingId = held.Id, AgendaItemId = caseItem.Id, CaseId = discussed.Id, Description = "Brief the housing adviser on the care plan",
                OwnerStaffUserId = staff["psychologist@pathway.example"].Id, DueOn = today.AddDays(-14), Status = GroupActionStatus.Done,
                StatusOn = today.AddDays(-15), CreatedAt = now,
            });
        db.GroupMeetings.Add(new GroupMeeting { MeetingOn = today.AddDays(9), Status = MeetingStatus.Planned, CreatedAt = now });
    }

    /// <summary>
    /// A group of the generated directory organisations (at most twelve) with two representatives each, meeting monthly
    /// for the last two years: three service-development items and three actions a meeting. The group's size does not
    /// grow with the caseload, so neither does this.
    /// </summary>
    public static async Task GenerateAsync(PathwayDbContext db, Random rng, string run, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var orgs = await db.DirectoryOrganisations.AsNoTracking().Where(o => o.Name.StartsWith(run)).OrderBy(o => o.Name).Take(12).Select(o => o.Id).ToListAsync(ct);
        var reps = new List<GroupRepresentative>();
        var members = orgs.Select(o => (Guid?)o).ToList();
        if (!await db.GroupMembers.AnyAsync(m => m.OrganisationId == null, ct)) members.Insert(0, null);
        foreach (var (org, i) in members.Select((o, i) => (o, i)))
        {
            var m = new GroupMember { OrganisationId = org, JoinedOn = today.AddYears(-3), CreatedAt = now };
            db.GroupMembers.Add(m);
            for (var j = 0; j < 2; j++)
            {
                var r = new GroupRepresentative { MemberId = m.Id, Name = $"{run} Representative {i + 1}.{j + 1}", Title = "Representative", ActiveFrom = m.JoinedOn, CreatedAt = now };
                db.GroupRepresentatives.Add(r);
                reps.Add(r);
            }
        }
        for (var month = 24; month >= 0; month--)
        {
            var on = today.AddMonths(-month).AddDays(-rng.Next(0, 5));
            var status = month == 0 ? MeetingStatus.Held : MeetingStatus.MinutesApproved;
            var present = reps.Where(_ => rng.NextDouble() < 0.7).ToList();
            var meeting = new GroupMeeting { MeetingOn = on, Status = status, ChairId = present.FirstOrDefault()?.Id, CreatedAt = now };
            foreach (var r in reps) if (present.Contains(r) || rng.NextDouble() < 0.3)
                meeting.Attendance.Add(new GroupAttendance { MeetingId = meeting.Id, RepresentativeId = r.Id, Apologies = !present.Contains(r) });
            for (var n = 1; n <= 3; n++)
            {
                var item = new GroupAgendaItem
                {
                    MeetingId = meeting.Id, Number = n, Kind = AgendaItemKind.ServiceDevelopment, Title = $"Service development {n}",
                    Minutes = "Discussed referral routes and waiting times.", CreatedAt = now,
                };
                meeting.Items.Add(item);
                var due = on.AddDays(rng.Next(14, 60));
                db.GroupActions.Add(new GroupAction
                {
                    MeetingId = meeting.Id, AgendaItemId = item.Id, Description = $"Follow up item {n}", OwnerRepresentativeId = reps[rng.Next(reps.Count)].Id,
                    DueOn = due, Status = due < today && rng.NextDouble() < 0.85 ? GroupActionStatus.Done : GroupActionStatus.Open, CreatedAt = now,
                });
            }
            db.GroupMeetings.Add(meeting);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
