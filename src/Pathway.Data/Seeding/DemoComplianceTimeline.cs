using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Compliance;

namespace Pathway.Data.Seeding;

/// <summary>
/// Gives the approved-premises resident with the active care plan a full compliance timeline: a behaviour of concern
/// linked to one of the plan's early warning signs (so its early-warning signal names the sign), a missed contact, a
/// breach and a first warning letter, beside the incidents and consultation seeded elsewhere.
/// </summary>
internal static class DemoComplianceTimeline
{
    public static void Add(PathwayDbContext db, CaseRecord resident, Guid officer, Guid apStaff, DateOnly today, DateTimeOffset now)
    {
        var plan = db.CarePlans.Local.FirstOrDefault(p => p.CaseId == resident.Id && p.Status == CarePlanStatus.Active);
        if (plan is not null)
        {
            var sign = CarePlanSigns.From(plan.Texts.ToDictionary(t => t.Key, t => t.Text)).First(s => s.Key.StartsWith(CarePlanSigns.EarlyWarningKey, StringComparison.Ordinal));
            db.BehavioursOfConcern.Add(new BehaviourOfConcern
            {
                CaseId = resident.Id, Date = today.AddDays(-2), Type = ConcernType.Withdrawal, RecordedById = apStaff, CreatedAt = now,
                Description = "Has not come down for meals for two days and was heard pacing the corridor at night.",
                MatchedEarlyWarningSign = sign.Sign, CarePlanId = plan.Id, CarePlanSignKey = sign.Key,
            });
        }
        db.Contacts.Add(new Contact
        {
            CaseId = resident.Id, Date = today.AddDays(-8), Kind = ContactKind.OfficeAppointment, Outcome = ContactOutcome.UnacceptableAbsence,
            Reason = "Did not attend; said afterwards he forgot", RecordedById = officer, CreatedAt = now,
        });
        if (resident.Licences.OrderByDescending(l => l.ReleaseDate).FirstOrDefault() is not { } licence) return;
        var keepInTouch = Domain.Licences.StandardConditionSets.All.Single(s => s.Code == licence.StandardConditionSetCode).About(Domain.Licences.StandardConditionTopic.KeepInTouch)!;
        var linked = new LinkedCondition { Ref = "S:" + keepInTouch.Code, Text = "Standard condition 3: " + keepInTouch.Text };
        db.Breaches.Add(new Breach
        {
            CaseId = resident.Id, LicenceId = licence.Id, OccurredOn = today.AddDays(-8), RecordedById = officer, CreatedAt = now,
            Description = "Missed a planned office appointment without an acceptable reason.", Conditions = [linked],
        });
        db.WarningLetters.Add(new WarningLetter
        {
            CaseId = resident.Id, LicenceId = licence.Id, Level = WarningLevel.First, IssuedOn = today.AddDays(-7), IssuedById = officer, CreatedAt = now,
            Circumstances = "You did not come to your appointment at the probation office and did not tell us beforehand.",
            Conditions = [new LinkedCondition { Ref = linked.Ref, Text = linked.Text }],
        });
    }
}
