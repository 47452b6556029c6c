using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;

namespace Pathway.Domain.CarePlans;

/// <summary>
/// A care-plan version's place in its lifecycle: a draft is signed by the psychologist, countersigned by the offender
/// manager, and becomes the one active plan; the previous active version is then superseded. A review or change starts
/// a new draft version from the active one; signed versions are never edited.
/// </summary>
public enum CarePlanStatus
{
    Draft,
    AwaitingCountersignature,
    Active,
    Superseded,
}

/// <summary>What the lifecycle checks need to know about a plan version.</summary>
/// <param name="EmptySections">Required sections with no content.</param>
/// <param name="MissingPillars">Risk-management pillars with neither a plan nor a reason they do not apply (<see cref="CarePlanFields.MissingPillars"/>).</param>
public sealed record CarePlanFacts(CarePlanStatus Status, IReadOnlyCollection<CarePlanSection> EmptySections, Guid? SignedBy,
    IReadOnlyCollection<CarePlanField>? MissingPillars = null);

public static class CarePlanLifecycle
{
    public static IReadOnlyList<FieldError> CanEdit(CarePlanStatus status) =>
        status == CarePlanStatus.Draft ? [] : [new("Status", "Only a draft can be changed. Start a review to make a new version")];

    public static IReadOnlyList<FieldError> CanSign(CarePlanFacts plan, IReadOnlySet<StaffRole> signer)
    {
        if (plan.Status != CarePlanStatus.Draft) return [new("Status", "Only a draft can be signed")];
        if (!signer.Overlaps(RoleSets.Clinicians))
            return [new("Signature", "A care plan is signed by a psychologist")];
        var errors = CarePlanSections.RequiredToSign
            .Where(plan.EmptySections.Contains)
            .Select(s => new FieldError(s.ToString(), $"Complete '{CarePlanSections.DisplayName(s)}' before signing"))
            .ToList();
        if (!plan.EmptySections.Contains(CarePlanSection.RiskManagement))
            errors.AddRange((plan.MissingPillars ?? []).Select(p => new FieldError(nameof(CarePlanSection.RiskManagement),
                $"{CarePlanSections.DisplayName(CarePlanSection.RiskManagement)}: add {p.Label.ToLowerInvariant()}, or say why it does not apply")));
        return errors;
    }

    public static IReadOnlyList<FieldError> CanCountersign(CarePlanFacts plan, Guid countersigner, IReadOnlySet<StaffRole> roles)
    {
        if (plan.Status != CarePlanStatus.AwaitingCountersignature) return [new("Status", "Only a signed plan waiting for countersignature can be countersigned")];
        if (plan.SignedBy == countersigner) return [new("Countersignature", "You signed this plan: someone else must countersign it")];
        if (!roles.Overlaps(RoleSets.Probation))
            return [new("Countersignature", "A care plan is countersigned by the offender manager (or a senior probation officer)")];
        return [];
    }

    public static IReadOnlyList<FieldError> CanStartReview(CarePlanStatus status, bool draftExists)
    {
        if (status != CarePlanStatus.Active) return [new("Status", "Only the active plan can be reviewed")];
        if (draftExists) return [new("Status", "A new version is already being drafted: continue that one")];
        return [];
    }
}

/// <summary>When a plan's review falls due, for the dashboards of the people responsible.</summary>
public enum ReviewState
{
    NotDue,
    DueSoon,
    Overdue,
}

public static class CarePlanReviews
{
    public const int DueSoonDays = 14;

    public static ReviewState State(DateOnly reviewDate, DateOnly today) =>
        reviewDate < today ? ReviewState.Overdue
        : reviewDate.DayNumber - today.DayNumber <= DueSoonDays ? ReviewState.DueSoon
        : ReviewState.NotDue;
}

/// <summary>A goal's status; every change is kept as history.</summary>
public enum GoalStatus
{
    Active,
    Achieved,
    NotAchieved,
    Removed,
}

/// <summary>Whether a person agreed to their plan (DOMAIN.md section 6).</summary>
public enum PersonAgreement
{
    Agreed,
    Disagreed,
    CouldNotBeAsked,
}

public static class Goals
{
    /// <summary>A goal is changed only while active: an achieved, not-achieved or removed goal is history. Removing needs a reason.</summary>
    public static IReadOnlyList<FieldError> CanChangeStatus(GoalStatus from, GoalStatus to, string? reason)
    {
        if (from == to) return [new("Status", "The goal already has that status")];
        if (from != GoalStatus.Active) return [new("Status", "Only an active goal can change status")];
        if (to is GoalStatus.Removed or GoalStatus.NotAchieved && string.IsNullOrWhiteSpace(reason))
            return [new("Reason", to == GoalStatus.Removed ? "Enter why the goal is being removed" : "Enter what got in the way")];
        return [];
    }

    public static IReadOnlyList<FieldError> ValidateAgreement(PersonAgreement? agreement, string? reason)
    {
        if (agreement is null) return [new("Agreement", "Record whether the person agreed, disagreed or could not be asked")];
        if (agreement != PersonAgreement.Agreed && string.IsNullOrWhiteSpace(reason))
            return [new("AgreementReason", agreement == PersonAgreement.Disagreed ? "Enter what the person disagreed with" : "Enter why the person could not be asked")];
        return [];
    }
}
