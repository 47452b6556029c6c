using Pathway.Domain.Licences;

namespace Pathway.Domain.CarePlans;

/// <summary>One text question inside a care-plan section. Keys are stored; never rename one.</summary>
public sealed record CarePlanField(string Key, CarePlanSection Section, string Label, string? Hint = null);

/// <summary>
/// The text questions each section asks (issue 4 item 1). The person's involvement and the review date are structured
/// (an agreement and a date) and have no text fields here beyond the reason.
/// </summary>
public static class CarePlanFields
{
    public const int MaxLength = 8000;

    public static readonly IReadOnlyList<CarePlanField> All =
    [
        new("understanding.summary", CarePlanSection.UnderstandingThisPerson, "Formulation summary", "A short summary of the latest formulation, in plain words"),
        new("understanding.presentation", CarePlanSection.UnderstandingThisPerson, "How their difficulties show", "In behaviour, emotions, thinking and relationships"),
        new("understanding.finds-hard", CarePlanSection.UnderstandingThisPerson, "What they find hard"),
        new("triggers", CarePlanSection.TriggersAndEarlyWarningSigns, "Triggers", "For each: who is likely to notice it and what to do"),
        new("triggers.early-warning", CarePlanSection.TriggersAndEarlyWarningSigns, "Early warning signs", "For each: who is likely to notice it and what to do"),
        new("functions", CarePlanSection.FunctionsOfBehaviour, "Functions of problem behaviours", "What need each behaviour meets"),
        new("functions.skills", CarePlanSection.FunctionsOfBehaviour, "DBT skills that could meet the same need", "Module and skill, for example: Distress tolerance – TIP"),
        new("helps", CarePlanSection.WhatHelps, "What helps"),
        new("helps.not", CarePlanSection.WhatHelps, "What does not help"),
        new("goals", CarePlanSection.Goals, "Goals in the person's words", "For each: area of need, SMART description, target date, status (active, achieved, not achieved, removed)"),
        new("actions", CarePlanSection.Actions, "Actions", "For each: what, who (person or agency), when, status"),
        new("risk.supervision", CarePlanSection.RiskManagement, "Supervision"),
        new("risk.monitoring", CarePlanSection.RiskManagement, "Monitoring and control"),
        new("risk.interventions", CarePlanSection.RiskManagement, "Interventions and treatment"),
        new("risk.victim-safety", CarePlanSection.RiskManagement, "Victim safety planning"),
        new("risk.agencies", CarePlanSection.RiskManagement, "Other agencies involved"),
        new("risk.controls", CarePlanSection.RiskManagement, "Existing controls"),
        new("contingency", CarePlanSection.ContingencyPlan, "If this happens, do that"),
        new("contingency.alternatives", CarePlanSection.ContingencyPlan, "Alternatives to recall agreed for this person"),
        new("contingency.out-of-hours", CarePlanSection.ContingencyPlan, "Out-of-hours contacts"),
        new("not-disclosed", CarePlanSection.NotToBeDisclosed, "Information not to be disclosed to the person", "Held separately and shown only to psychologists, offender managers and senior probation officers"),
    ];

    public static IReadOnlyList<CarePlanField> For(CarePlanSection section) => All.Where(f => f.Section == section).ToList();

    public static CarePlanField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>The route slug of a section: <c>TriggersAndEarlyWarningSigns</c> → <c>triggers-and-early-warning-signs</c>.</summary>
    public static string Slug(CarePlanSection s) =>
        string.Concat(s.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static CarePlanSection? FromSlug(string? slug) =>
        Enum.GetValues<CarePlanSection>().Cast<CarePlanSection?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    /// <summary>
    /// The required sections with no content. A text section is empty when every one of its questions is blank; the
    /// person's involvement needs an answer, and the review needs a date.
    /// </summary>
    public static IReadOnlyList<CarePlanSection> EmptySections(IReadOnlyDictionary<string, string> text, PersonAgreement? agreement, DateOnly? reviewDate) =>
        Enum.GetValues<CarePlanSection>().Where(s => s switch
        {
            CarePlanSection.PersonsInvolvement => agreement is null,
            CarePlanSection.Review => reviewDate is null,
            _ => For(s).All(f => !text.TryGetValue(f.Key, out var v) || string.IsNullOrWhiteSpace(v)),
        }).ToList();

    /// <summary>The review date must be in the future when the plan is signed, and within a year.</summary>
    public static FieldError? CheckReviewDate(DateOnly? reviewDate, DateOnly today) =>
        reviewDate is not { } d ? new("ReviewDate", "Enter the review date")
        : d <= today ? new("ReviewDate", "The review date must be in the future")
        : d > today.AddYears(1) ? new("ReviewDate", "The review date must be within a year: plans are reviewed at least yearly")
        : null;
}
