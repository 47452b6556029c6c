using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Consultations;

/// <summary>Someone who may attend a consultation on this case or own one of its actions.</summary>
public sealed record Candidate(Guid Id, string Name, StaffRole? Role)
{
    public string Label => Role is { } r ? $"{Name} ({StaffRoles.DisplayName(r).ToLowerInvariant()})" : Name;
}

/// <summary>Who a consultation may name (attendees, action owners), and loading a consultation with its people.</summary>
public static class ConsultationPeople
{
    public static IQueryable<Consultation> WithPeople(this IQueryable<Consultation> q) =>
        q.Include(c => c.Attendees).ThenInclude(a => a.StaffUser).Include(c => c.Actions).ThenInclude(a => a.Owner).Include(c => c.RecordedBy).AsSplitQuery();

    /// <summary>One consultation as saved now, with its people (what the API returns and a conflict shows).</summary>
    public static Task<Consultation> ReadAsync(PathwayDbContext db, Guid consultationId, CancellationToken ct) =>
        db.Consultations.AsNoTracking().WithPeople().FirstAsync(x => x.Id == consultationId, ct);

    /// <summary>
    /// Staff who work with this case: its probation team, the PD service's clinicians, the approved premises it lives in
    /// and the police units it is shared with. Attendees and action owners are chosen from these.
    /// </summary>
    public static async Task<IReadOnlyList<Candidate>> CandidatesAsync(PathwayDbContext db, CaseRecord c, CancellationToken ct)
    {
        var teams = c.Shares.Select(s => s.TeamId).Append(c.TeamId).ToList();
        if (c.ApprovedPremisesId is { } ap) teams.Add(ap);
        var serviceRoles = RoleSets.Clinicians.Select(r => r.ToString()).ToList();
        var rows = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where u.DisabledAt == null && ((u.TeamId != null && teams.Contains(u.TeamId.Value)) || serviceRoles.Contains(r.Name!))
                  && r.Name != nameof(StaffRole.Administrator)
            orderby u.DisplayName
            select new { u.Id, u.DisplayName, r.Name }).Take(300).ToListAsync(ct);
        return rows.GroupBy(x => x.Id)
            .Select(g => new Candidate(g.Key, g.First().DisplayName, Enum.TryParse<StaffRole>(g.First().Name, out var role) ? role : null))
            .ToList();
    }

    /// <summary>Checks that chosen people are among the candidates; the domain rules check the rest.</summary>
    public static IEnumerable<FieldError> CheckPeople(ConsultationDetails d, IReadOnlyList<Candidate> candidates)
    {
        var ids = candidates.Select(c => c.Id).ToHashSet();
        if (d.StaffAttendees.Any(a => !ids.Contains(a)))
            yield return new(nameof(d.StaffAttendees), "Choose attendees from the list of staff who work with this person");
        for (var i = 0; i < d.Actions.Count; i++)
        {
            if (d.Actions[i].OwnerId is { } o && !ids.Contains(o))
                yield return new($"Actions[{i}].OwnerId", $"Choose the owner of action {i + 1} from the list of staff who work with this person");
        }
    }

    public static AttendeeRole RoleOf(StaffRole? r) => r switch
    {
        StaffRole.OffenderManager => AttendeeRole.OffenderManager,
        StaffRole.SeniorProbationOfficer => AttendeeRole.SeniorProbationOfficer,
        StaffRole.ApprovedPremisesStaff => AttendeeRole.ApprovedPremisesStaff,
        StaffRole.PublicProtectionOfficer => AttendeeRole.PublicProtectionUnit,
        StaffRole.Psychologist or StaffRole.ClinicalLead => AttendeeRole.Psychologist,
        StaffRole.PartnerAgency => AttendeeRole.PartnerAgency,
        _ => AttendeeRole.Other,
    };

    /// <summary>
    /// Writes the details onto the consultation. Attendees are replaced; actions sent with an id change that action,
    /// others are added. Actions are never deleted here: an agreed action stays on the record, done or not.
    /// </summary>
    internal static void Apply(Consultation con, ConsultationDetails d, IReadOnlyList<Guid?> actionIds, IReadOnlyList<Candidate> candidates, DateTimeOffset now)
    {
        con.HeldOn = d.HeldOn!.Value;
        con.Questions = string.IsNullOrWhiteSpace(d.Questions) ? null : d.Questions.Trim();
        con.Advice = d.Advice!.Trim();
        con.NextConsultationOn = d.NextConsultationOn;
        con.Attendees.Clear();
        foreach (var id in d.StaffAttendees.Distinct())
            con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, StaffUserId = id, Role = RoleOf(candidates.First(c => c.Id == id).Role) });
        foreach (var o in d.OtherAttendees)
            con.Attendees.Add(new ConsultationAttendee { ConsultationId = con.Id, Name = o.Name, Role = o.Role, Details = o.Details });
        for (var i = 0; i < d.Actions.Count; i++)
        {
            var a = d.Actions[i];
            if (a.IsBlank) continue;
            var existing = actionIds[i] is { } aid ? con.Actions.FirstOrDefault(x => x.Id == aid) : null;
            if (existing is null)
            {
                con.Actions.Add(new ConsultationAction
                {
                    ConsultationId = con.Id, CaseId = con.CaseId, Description = a.Description!.Trim(), OwnerId = a.OwnerId!.Value, DueOn = a.DueOn!.Value, CreatedAt = now,
                });
            }
            else
            {
                existing.Description = a.Description!.Trim();
                existing.OwnerId = a.OwnerId!.Value;
                existing.DueOn = a.DueOn!.Value;
            }
        }
    }
}
