namespace Pathway.Domain.Assessments;

/// <summary>
/// Where a version of an assessment is in its life. Countersigning locks it: a locked version never changes again, and a
/// change after locking starts a new draft version. Stored by name; never renumber.
/// </summary>
public enum AssessmentStatus
{
    Draft,
    Submitted,
    Locked,
}

/// <summary>The areas of need signposting matches against (a later issue). Stored by name.</summary>
public enum NeedArea
{
    Accommodation,
    SubstanceUse,
    MentalHealth,
    EmotionalRegulation,
    Relationships,
    EmploymentAndTraining,
    Finance,
    PhysicalHealth,
    Other,
}

public enum NeedPriority
{
    High,
    Medium,
    Low,
}

public static class AssessmentNames
{
    public static string DisplayName(AssessmentStatus s) => s switch
    {
        AssessmentStatus.Draft => "Draft",
        AssessmentStatus.Submitted => "Submitted for countersigning",
        AssessmentStatus.Locked => "Countersigned and locked",
        _ => s.ToString(),
    };

    public static string DisplayName(NeedArea a) => a switch
    {
        NeedArea.Accommodation => "Accommodation",
        NeedArea.SubstanceUse => "Substance use",
        NeedArea.MentalHealth => "Mental health",
        NeedArea.EmotionalRegulation => "Emotional regulation",
        NeedArea.Relationships => "Relationships",
        NeedArea.EmploymentAndTraining => "Employment and training",
        NeedArea.Finance => "Finance",
        NeedArea.PhysicalHealth => "Physical health",
        NeedArea.Other => "Other",
        _ => a.ToString(),
    };
}
