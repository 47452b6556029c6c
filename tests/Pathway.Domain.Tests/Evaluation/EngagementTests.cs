using Pathway.Domain.Cases;
using Pathway.Domain.Compliance;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Evaluation;
using Pathway.Domain.Signposting;

namespace Pathway.Domain.Tests.Evaluation;

public sealed class EngagementTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    [Fact]
    public void Compliance_Uptake_AndTraining_AreCountedWithinEachLicencePeriod_ByGroup()
    {
        var onPathway = Guid.NewGuid();
        var notOn = Guid.NewGuid();
        LicencePeriod P(Guid c, string release, string? referral, bool trained) =>
            new(Guid.NewGuid(), c, DateOnly.Parse(release), DateOnly.Parse("2027-01-01"), null, new DateOnly(1990, 1, 1), Gender.Male, null, RoshLevel.Low,
                referral is null ? null : DateOnly.Parse(referral), trained ? new DateOnly(2025, 1, 1) : null, null);
        var report = Outcomes.Build([P(onPathway, "2025-06-01", "2025-05-01", true), P(notOn, "2025-06-01", null, false)], Cohort.Pathway, Today, new DateOnly(2024, 1, 1));
        var contacts = new[]
        {
            (onPathway, new ContactFact(new DateOnly(2025, 7, 1), ContactOutcome.Attended)),
            (onPathway, new ContactFact(new DateOnly(2025, 8, 1), ContactOutcome.UnacceptableAbsence)),
            (onPathway, new ContactFact(new DateOnly(2025, 9, 1), ContactOutcome.AcceptableAbsence)),
            (onPathway, new ContactFact(new DateOnly(2025, 5, 1), ContactOutcome.UnacceptableAbsence)), // before release: not counted
            (notOn, new ContactFact(new DateOnly(2025, 7, 1), ContactOutcome.Attended)),
        }.ToLookup(x => x.Item1, x => x.Item2);
        var signposting = new[]
        {
            (onPathway, new SignpostingReferralFacts(default, Guid.NewGuid(), SignpostingReferralStatus.FirstAttended, new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 20))),
            (onPathway, new SignpostingReferralFacts(default, Guid.NewGuid(), SignpostingReferralStatus.Referred, new DateOnly(2025, 8, 1), null)),
            (onPathway, new SignpostingReferralFacts(default, Guid.NewGuid(), SignpostingReferralStatus.Suggested, null, null)),
        }.ToLookup(x => x.Item1, x => x.Item2);

        var e = Engagement.Measure(report, contacts, signposting);
        Assert.Equal(["On the pathway", "Not on the pathway", "All"], e.Select(x => x.Group));
        Assert.Equal(new Share(1, 2), e[0].Compliance);
        Assert.Equal(new Share(1, 2), e[0].SignpostingUptake);
        Assert.Equal(new Share(1, 1), e[0].TrainedOffenderManager);
        Assert.Equal(new Share(1, 1), e[1].Compliance);
        Assert.Null(e[1].SignpostingUptake.Rate);
        Assert.Equal(new Share(2, 3), e[2].Compliance);
        Assert.Equal(new Share(1, 2), e[2].TrainedOffenderManager);
    }

    [Fact]
    public void Share_IsHiddenUnderSuppression_WhenTheCountOrTheRemainderIsSmall()
    {
        Assert.Equal(0.5, new Share(1, 2).Published(DisclosurePolicy.Exact));
        Assert.Null(new Share(1, 20).Published(DisclosurePolicy.Default));
        Assert.Null(new Share(18, 20).Published(DisclosurePolicy.Default));
        Assert.Equal(0.5, new Share(10, 20).Published(DisclosurePolicy.Default));
        Assert.Equal(1.0, new Share(10, 10).Published(DisclosurePolicy.Default));
    }
}
