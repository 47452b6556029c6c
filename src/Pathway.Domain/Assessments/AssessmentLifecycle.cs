namespace Pathway.Domain.Assessments;

/// <summary>The facts the lifecycle rules need about one version and the person acting on it.</summary>
/// <param name="IsAssessor">A psychologist or the clinical lead: the people who write assessments.</param>
public sealed record AssessmentActor(Guid UserId, bool IsAssessor, bool IsClinicalLead);

/// <summary>What to do when someone changes a version.</summary>
public enum EditDecision
{
    /// <summary>Change this draft in place.</summary>
    EditInPlace,
    /// <summary>This version is locked: copy it to a new draft version and change that.</summary>
    StartNewVersion,
    Refused,
}

/// <summary>
/// The assessment's lifecycle: draft (changed only by its author) → submitted → countersigned by the clinical lead, who
/// must not be the author → locked. A change to a locked version starts a new draft version; earlier versions stay
/// readable. Every method answers null (or a decision) instead of throwing, with the reason a person can read.
/// </summary>
public static class AssessmentLifecycle
{
    public static (EditDecision Decision, string? Reason) Edit(AssessmentStatus status, Guid authorId, AssessmentActor who, bool hasNewerVersion)
    {
        if (!who.IsAssessor) return (EditDecision.Refused, "Only psychologists and the clinical lead write assessments");
        return status switch
        {
            AssessmentStatus.Draft when authorId == who.UserId => (EditDecision.EditInPlace, null),
            AssessmentStatus.Draft => (EditDecision.Refused, "Only the author can change a draft"),
            AssessmentStatus.Submitted => (EditDecision.Refused, "This version has been submitted for countersigning and cannot be changed"),
            AssessmentStatus.Locked when hasNewerVersion => (EditDecision.Refused, "A newer version of this assessment exists; change that one"),
            AssessmentStatus.Locked => (EditDecision.StartNewVersion, null),
            _ => (EditDecision.Refused, "Unknown status"),
        };
    }

    /// <summary>Null if the author may submit this draft; otherwise why not.</summary>
    public static string? CanSubmit(AssessmentStatus status, Guid authorId, AssessmentActor who, IReadOnlyCollection<string> incompleteSections)
    {
        if (status != AssessmentStatus.Draft) return "Only a draft can be submitted";
        if (authorId != who.UserId) return "Only the author can submit this draft";
        if (incompleteSections.Count > 0) return "Complete these sections before submitting: " + string.Join(", ", incompleteSections);
        return null;
    }

    /// <summary>Null if this person may countersign (and so lock) the version; otherwise why not.</summary>
    public static string? CanCountersign(AssessmentStatus status, Guid authorId, AssessmentActor who)
    {
        if (!who.IsClinicalLead) return "Only the clinical lead can countersign an assessment";
        if (status != AssessmentStatus.Submitted) return "Only a submitted assessment can be countersigned";
        if (authorId == who.UserId) return "You cannot countersign an assessment you wrote; another clinical lead must countersign it";
        return null;
    }

    /// <summary>Null if the clinical lead may send a submitted version back to its author as a draft.</summary>
    public static string? CanReturn(AssessmentStatus status, AssessmentActor who)
    {
        if (!who.IsClinicalLead) return "Only the clinical lead can return an assessment for changes";
        return status == AssessmentStatus.Submitted ? null : "Only a submitted assessment can be returned for changes";
    }
}
