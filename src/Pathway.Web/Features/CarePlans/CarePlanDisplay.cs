using Pathway.Data;
using Pathway.Domain.CarePlans;
using Microsoft.EntityFrameworkCore;

namespace Pathway.Web.Features.CarePlans;

public static class CarePlanDisplay
{
    public static string Status(CarePlanStatus s) => s switch
    {
        CarePlanStatus.Draft => "Draft",
        CarePlanStatus.AwaitingCountersignature => "Signed, awaiting countersignature",
        CarePlanStatus.Active => "Active",
        _ => "Superseded",
    };

    public static string StatusTag(CarePlanStatus s) => s switch
    {
        CarePlanStatus.Draft => "govuk-tag--grey",
        CarePlanStatus.AwaitingCountersignature => "govuk-tag--yellow",
        CarePlanStatus.Active => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    public static string Agreement(PersonAgreement? a) => a switch
    {
        PersonAgreement.Agreed => "Agreed",
        PersonAgreement.Disagreed => "Disagreed",
        PersonAgreement.CouldNotBeAsked => "Could not be asked",
        _ => "Not recorded",
    };

    public static string ReviewState(ReviewState s) => s switch
    {
        Domain.CarePlans.ReviewState.Overdue => "Overdue",
        Domain.CarePlans.ReviewState.DueSoon => "Due soon",
        _ => "Not due",
    };

    /// <summary>Where a section of a draft is written: goals and actions are lists of rows with pages of their own.</summary>
    public static string SectionHref(Guid caseId, Guid planId, CarePlanSection s) => s switch
    {
        CarePlanSection.Goals => $"/cases/{caseId}/care-plans/{planId}/goals",
        CarePlanSection.Actions => $"/cases/{caseId}/care-plans/{planId}/actions",
        _ => $"/cases/{caseId}/care-plans/{planId}/sections/{CarePlanFields.Slug(s)}",
    };

    /// <summary>Display names of staff, by id, for "signed by" lines.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(PathwayDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
