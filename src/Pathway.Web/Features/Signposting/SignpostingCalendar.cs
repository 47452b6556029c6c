using Microsoft.Extensions.Options;
using Pathway.Data.Entities;
using Pathway.Domain.Signposting;

namespace Pathway.Web.Features.Signposting;

/// <summary>
/// Today's date and the working-day rule for partner answers, with the bank holidays from <see cref="SignpostingOptions"/>:
/// the one place pages, the API and the home-page reminders ask whether a referral's answer is overdue.
/// </summary>
public sealed class SignpostingCalendar(TimeProvider clock, IOptions<SignpostingOptions> options)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public bool ResponseOverdue(SignpostingReferral r) => ResponseOverdue(r.Status, r.ReferredOn);

    /// <summary>Sent, and the partner has not answered within <see cref="WorkingDays.PartnerResponseDays"/> working days.</summary>
    public bool ResponseOverdue(SignpostingReferralStatus status, DateOnly? referredOn) =>
        status == SignpostingReferralStatus.Referred && referredOn is { } on && WorkingDays.ResponseOverdue(on, Today, options.Value.Holidays);
}
