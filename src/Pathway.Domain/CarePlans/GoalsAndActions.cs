using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.CarePlans;

/// <summary>Where an action in a care plan has got to.</summary>
public enum ActionStatus
{
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>What someone enters for a goal: the area of need (from the assessment's need areas), the goal in the person's words, its SMART form and a target date.</summary>
public sealed record GoalInput(NeedArea? Area, string? InOwnWords, string? Smart, DateOnly? TargetDate);

/// <summary>What someone enters for an action: what, who (a person or an agency), when, and where it has got to.</summary>
public sealed record ActionInput(string? What, string? Who, string? When, ActionStatus? Status);

public static class GoalRules
{
    public const int MaxText = 2000;
    public const int MaxShort = 200;

    /// <summary>A new or changed goal. The target date is in the future when the goal is set, and within two years.</summary>
    public static IReadOnlyList<FieldError> Validate(GoalInput g, DateOnly today, bool isNew)
    {
        var errors = new List<FieldError>();
        if (g.Area is null) errors.Add(new("Area", "Select the area of need the goal is about"));
        if (string.IsNullOrWhiteSpace(g.InOwnWords)) errors.Add(new("InOwnWords", "Enter the goal in the person's own words"));
        else if (g.InOwnWords.Length > MaxText) errors.Add(new("InOwnWords", $"The goal in the person's words must be {MaxText} characters or fewer"));
        if (string.IsNullOrWhiteSpace(g.Smart)) errors.Add(new("Smart", "Enter the SMART description: specific, measurable, achievable, relevant and time-bound"));
        else if (g.Smart.Length > MaxText) errors.Add(new("Smart", $"The SMART description must be {MaxText} characters or fewer"));
        if (g.TargetDate is not { } d) errors.Add(new("TargetDate", "Enter the target date"));
        else if (isNew && d <= today) errors.Add(new("TargetDate", "The target date must be in the future"));
        else if (d > today.AddYears(2)) errors.Add(new("TargetDate", "The target date must be within two years"));
        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(ActionInput a)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(a.What)) errors.Add(new("What", "Enter what will be done"));
        else if (a.What.Length > MaxText) errors.Add(new("What", $"What will be done must be {MaxText} characters or fewer"));
        if (string.IsNullOrWhiteSpace(a.Who)) errors.Add(new("Who", "Enter who will do it: a person or an agency"));
        else if (a.Who.Length > MaxShort) errors.Add(new("Who", $"Who must be {MaxShort} characters or fewer"));
        if (string.IsNullOrWhiteSpace(a.When)) errors.Add(new("When", "Enter when: a date, or how often"));
        else if (a.When.Length > MaxShort) errors.Add(new("When", $"When must be {MaxShort} characters or fewer"));
        if (a.Status is null) errors.Add(new("Status", "Select the action's status"));
        return errors;
    }

    public static string DisplayName(GoalStatus s) => s switch
    {
        GoalStatus.Active => "Active",
        GoalStatus.Achieved => "Achieved",
        GoalStatus.NotAchieved => "Not achieved",
        _ => "Removed",
    };

    public static string DisplayName(ActionStatus s) => s switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => "Cancelled",
    };
}
