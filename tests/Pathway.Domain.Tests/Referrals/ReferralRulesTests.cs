using Pathway.Domain.Referrals;

namespace Pathway.Domain.Tests.Referrals;

public sealed class ReferralRulesTests
{
    private static ReferralDetails Valid => new("Worried about escalating anger", "How should I respond to outbursts?", "Shouting at AP staff", null, null, null,
        ReferralUrgency.Soon, SharingBasis.AgreedToSharing, null, null);

    [Fact]
    public void AValidReferral_HasNoErrors() => Assert.Empty(ReferralRules.Validate(Valid));

    [Fact]
    public void AnEmptyReferral_NamesEveryMissingField()
    {
        var errors = ReferralRules.Validate(new ReferralDetails(null, " ", null, null, null, null, null, null, null, null));
        Assert.Equal(["Reason", "Questions", "ConcernsBehaviour", "Urgency", "SharingBasis"], errors.Select(e => e.Field));
        Assert.Contains(errors, e => e.Message == "Describe what worries you in at least one area: behaviour, emotions, thinking or relationships");
    }

    [Fact]
    public void WithoutTheirAgreement_NeedsAReason_AndAnotherLawfulBasisNeedsANote()
    {
        var noReason = ReferralRules.Validate(Valid with { SharingBasis = SharingBasis.SharedWithoutAgreement });
        Assert.Equal("Explain why the information is shared without the person's agreement", Assert.Single(noReason).Message);
        Assert.Empty(ReferralRules.Validate(Valid with { SharingBasis = SharingBasis.SharedWithoutAgreement, LawfulBasisNote = "Risk of serious harm to a child" }));
        var other = ReferralRules.Validate(Valid with { LawfulBasis = LawfulBasis.Other });
        Assert.Equal("LawfulBasisNote", Assert.Single(other).Field);
        // Agreement is not the lawful basis: the usual one applies when none is chosen.
        Assert.Empty(ReferralRules.Validate(Valid with { LawfulBasis = null }));
    }

    [Fact]
    public void LawEnforcement_IsNotALawfulBasisAnNhsTrustIsOffered() =>
        Assert.DoesNotContain(Enum.GetNames<LawfulBasis>(), n => n.Contains("Enforcement", StringComparison.Ordinal));

    [Fact]
    public void OverlongText_IsRefused_WithItsLimit()
    {
        var errors = ReferralRules.Validate(Valid with { ConcernsThinking = new string('x', 2001) });
        Assert.Equal("Concerns about thinking must be 2000 characters or fewer", Assert.Single(errors).Message);
    }

    [Fact]
    public void AFieldAlreadyWrong_IsNotReportedTwice() =>
        Assert.DoesNotContain(ReferralRules.Validate(Valid with { Urgency = null }, new HashSet<string> { "Urgency" }), e => e.Field == "Urgency");
}
