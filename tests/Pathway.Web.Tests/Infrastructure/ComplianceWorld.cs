using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Staff;

namespace Pathway.Web.Tests.Infrastructure;

public sealed record ScopedIds(Guid InScope, Guid OutOfScope, Guid Restricted);

/// <summary>One compliance record of each kind under each of the test world's three cases.</summary>
public static class ComplianceWorld
{
    public static async Task<IReadOnlyDictionary<string, ScopedIds>> AddAsync(
        PathwayDbContext db, CaseRecord inScope, CaseRecord outOfScope, CaseRecord restricted, Dictionary<StaffRole, StaffUser> users, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Contact C(CaseRecord c) => new() { CaseId = c.Id, Date = today.AddDays(-7), Kind = ContactKind.OfficeAppointment, Outcome = ContactOutcome.Attended, CreatedAt = now };
        var contacts = new[] { C(inScope), C(outOfScope), C(restricted) };
        db.Contacts.AddRange(contacts);
        WarningLetter W(CaseRecord c) => new()
        {
            CaseId = c.Id, LicenceId = c.Licences[0].Id, Level = WarningLevel.First, IssuedOn = today.AddDays(-3), Circumstances = "Missed two appointments",
            Conditions = [new LinkedCondition { Ref = "S:test", Text = "Keep in touch" }], CreatedAt = now,
        };
        var warnings = new[] { W(inScope), W(outOfScope), W(restricted) };
        db.WarningLetters.AddRange(warnings);
        // Old enough, and of a kind, that no early-warning rule fires on it.
        BehaviourOfConcern B(CaseRecord c) => new() { CaseId = c.Id, Date = today.AddDays(-60), Type = ConcernType.NewRelationship, Description = "New partner", CreatedAt = now };
        var concerns = new[] { B(inScope), B(outOfScope), B(restricted) };
        db.BehavioursOfConcern.AddRange(concerns);
        Breach R(CaseRecord c) => new()
        {
            CaseId = c.Id, LicenceId = c.Licences[0].Id, OccurredOn = today.AddDays(-5), Description = "Stayed away overnight",
            Conditions = [new LinkedCondition { Ref = "S:test", Text = "Reside at an approved address" }], CreatedAt = now,
        };
        var breaches = new[] { R(inScope), R(outOfScope), R(restricted) };
        db.Breaches.AddRange(breaches);
        await db.SaveChangesAsync();
        return new Dictionary<string, ScopedIds>
        {
            ["contactId"] = new(contacts[0].Id, contacts[1].Id, contacts[2].Id),
            ["warningId"] = new(warnings[0].Id, warnings[1].Id, warnings[2].Id),
            ["concernId"] = new(concerns[0].Id, concerns[1].Id, concerns[2].Id),
            ["breachId"] = new(breaches[0].Id, breaches[1].Id, breaches[2].Id),
        };
    }
}
