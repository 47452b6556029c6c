using Pathway.Domain.Staff;

namespace Pathway.Domain.CarePlans;

/// <summary>The parts of a psychologically informed care plan (DOMAIN.md section 6; issue 4 item 1).</summary>
public enum CarePlanSection
{
    UnderstandingThisPerson,
    TriggersAndEarlyWarningSigns,
    FunctionsOfBehaviour,
    WhatHelps,
    Goals,
    Actions,
    RiskManagement,
    ContingencyPlan,
    NotToBeDisclosed,
    PersonsInvolvement,
    Review,
}

/// <summary>How much of a care plan a role sees.</summary>
public enum CarePlanView
{
    /// <summary>Nothing: the role has no business with care plans.</summary>
    None,
    /// <summary>The one-page "How to work with this person": triggers, early warning signs, what helps, contingency.</summary>
    Summary,
    /// <summary>The whole plan except the information not to be disclosed to the person.</summary>
    Full,
    /// <summary>The whole plan, including what is not to be disclosed to the person.</summary>
    FullWithRestricted,
}

public static class CarePlanSections
{
    /// <summary>Sections that must have content before the psychologist can sign. The restricted section may be empty.</summary>
    public static readonly IReadOnlyList<CarePlanSection> RequiredToSign =
    [
        CarePlanSection.UnderstandingThisPerson, CarePlanSection.TriggersAndEarlyWarningSigns, CarePlanSection.FunctionsOfBehaviour,
        CarePlanSection.WhatHelps, CarePlanSection.Goals, CarePlanSection.Actions, CarePlanSection.RiskManagement,
        CarePlanSection.ContingencyPlan, CarePlanSection.PersonsInvolvement, CarePlanSection.Review,
    ];

    /// <summary>What goes on the one-page summary for staff who work with the person day to day.</summary>
    public static readonly IReadOnlyList<CarePlanSection> Summary =
        [CarePlanSection.TriggersAndEarlyWarningSigns, CarePlanSection.WhatHelps, CarePlanSection.ContingencyPlan];

    public static string DisplayName(CarePlanSection s) => s switch
    {
        CarePlanSection.UnderstandingThisPerson => "Understanding this person",
        CarePlanSection.TriggersAndEarlyWarningSigns => "Triggers and early warning signs",
        CarePlanSection.FunctionsOfBehaviour => "Functions of problem behaviours",
        CarePlanSection.WhatHelps => "What helps and what does not",
        CarePlanSection.Goals => "Goals",
        CarePlanSection.Actions => "Actions",
        CarePlanSection.RiskManagement => "Risk management plan",
        CarePlanSection.ContingencyPlan => "Contingency and crisis plan",
        CarePlanSection.NotToBeDisclosed => "Information not to be disclosed to the person",
        CarePlanSection.PersonsInvolvement => "The person's involvement",
        CarePlanSection.Review => "Review date",
        _ => s.ToString(),
    };

    /// <summary>
    /// What each role sees of a plan on a case it can read. Approved-premises staff and police public-protection officers
    /// work from the one-page summary; the information not to be disclosed is for psychologists, offender managers and
    /// senior probation officers (and the clinical lead) only. Partner agencies never see care plans.
    /// </summary>
    public static CarePlanView ViewFor(IReadOnlySet<StaffRole> roles)
    {
        if (roles.Overlaps(RoleSets.CaseTeam))
            return CarePlanView.FullWithRestricted;
        if (roles.Overlaps(RoleSets.CarePlanSummaryReaders)) return CarePlanView.Summary;
        return CarePlanView.None;
    }

    public static bool CanSee(CarePlanView view, CarePlanSection section) => view switch
    {
        CarePlanView.FullWithRestricted => true,
        CarePlanView.Full => section != CarePlanSection.NotToBeDisclosed,
        CarePlanView.Summary => Summary.Contains(section),
        _ => false,
    };
}
