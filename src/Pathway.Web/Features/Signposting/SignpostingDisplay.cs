using Pathway.Domain.Signposting;

namespace Pathway.Web.Features.Signposting;

public static class SignpostingDisplay
{
    public static string TagClass(SignpostingReferralStatus s) => s switch
    {
        SignpostingReferralStatus.Suggested => "govuk-tag--grey",
        SignpostingReferralStatus.Referred => "govuk-tag--blue",
        SignpostingReferralStatus.Accepted => "govuk-tag--turquoise",
        SignpostingReferralStatus.FirstAttended => "govuk-tag--green",
        SignpostingReferralStatus.Completed => "govuk-tag--green",
        SignpostingReferralStatus.Declined => "govuk-tag--orange",
        SignpostingReferralStatus.Disengaged => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };
}
