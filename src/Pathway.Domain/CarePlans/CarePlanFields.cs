using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.CarePlans;

/// <summary>One text question inside a care-plan section. Keys are stored; never rename one.</summary>
/// <param name="Legacy">Text kept from before the section became structured rows (goals, actions): shown, copied into
/// new versions, never edited, and not counted as the section's content.</param>
public sealed record CarePlanField(string Key, CarePlanSection Section, string Label, string? Hint = null, bool Legacy = false);

/// <summary>
/// The text questions each section asks (issue 4 item 1). The person's involvement and the review date are structured
/// (an agreement and a date) and have no text fields here beyond the reason.
/// </summary>
public static class CarePlanFields
{
    public const int MaxLength = 8000;

    private const string PillarHint = "Describe the plan, or say why it does not apply to this person";

    /// <summary>
    /// The four pillars of risk management (Kemshall; MAPPA guidance, DOMAIN.md section 6). A plan is signed only when
    /// each has its plan or a recorded reason it does not apply: one filled pillar does not make the section complete.
    /// </summary>
    public static readonly IReadOnlyList<string> RiskPillars = ["risk.supervision", "risk.monitoring", "risk.interventions", "risk.victim-safety"];

    /// <summary>The pillars with nothing written: neither a plan nor why it does not apply.</summary>
    public static IReadOnlyList<CarePlanField> MissingPillars(IReadOnlyDictionary<string, string> text) =>
        RiskPillars.Where(k => !text.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).Select(k => Find(k)!).ToList();

    public static readonly IReadOnlyList<CarePlanField> All =
    [
        new("understanding.summary", CarePlanSection.UnderstandingThisPerson, "Formulation summary", "A short summary of the latest formulation, in plain words"),
        new("understanding.presentation", CarePlanSection.UnderstandingThisPerson, "How their difficulties show", "In behaviour, emotions, thinking and relationships"),
        new("understanding.finds-hard", CarePlanSection.UnderstandingThisPerson, "What they find hard"),
        new("triggers", CarePlanSection.TriggersAndEarlyWarningSigns, "Triggers", "For each: who is likely to notice it and what to do"),
        new("triggers.early-warning", CarePlanSection.TriggersAndEarlyWarningSigns, "Early warning signs", "For each: who is likely to notice it and what to do"),
        new("functions", CarePlanSection.FunctionsOfBehaviour, "Functions of problem behaviours", "What need each behaviour meets"),
        new("functions.skills", CarePlanSection.FunctionsOfBehaviour, "How the chosen skills meet the same need", "Optional. Pick the skills below; say here which behaviour each one is for"),
        new("helps", CarePlanSection.WhatHelps, "What helps"),
        new("helps.not", CarePlanSection.WhatHelps, "What does not help"),
        new("goals", CarePlanSection.Goals, "Goals written before goals were recorded one by one", Legacy: true),
        new("actions", CarePlanSection.Actions, "Actions written before actions were recorded one by one", Legacy: true),
        new("risk.supervision", CarePlanSection.RiskManagement, "Supervision", PillarHint),
        new("risk.monitoring", CarePlanSection.RiskManagement, "Monitoring and control", PillarHint),
        new("risk.interventions", CarePlanSection.RiskManagement, "Interventions and treatment", PillarHint),
        new("risk.victim-safety", CarePlanSection.RiskManagement, "Victim safety planning", PillarHint),
        new("risk.agencies", CarePlanSection.RiskManagement, "Other agencies involved"),
        new("risk.controls", CarePlanSection.RiskManagement, "Existing controls"),
        new("contingency", CarePlanSection.ContingencyPlan, "If this happens, do that"),
        new("contingency.alternatives", CarePlanSection.ContingencyPlan, "Alternatives to recall agreed for this person"),
        new("contingency.out-of-hours", CarePlanSection.ContingencyPlan, "Out-of-hours contacts"),
        new("not-disclosed", CarePlanSection.NotToBeDisclosed, "Information not to be disclosed to the person", "Held separately and shown only to psychologists, offender managers and senior probation officers"),
    ];

    /// <summary>The questions of a section that are edited as text (legacy text is not).</summary>
    public static IReadOnlyList<CarePlanField> For(CarePlanSection section) => All.Where(f => f.Section == section && !f.Legacy).ToList();

    /// <summary>Every stored text key of a section, legacy text included: what is shown and copied into a new version.</summary>
    public static IReadOnlyList<CarePlanField> Stored(CarePlanSection section) => All.Where(f => f.Section == section).ToList();

    public static CarePlanField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>The route slug of a section: <c>TriggersAndEarlyWarningSigns</c> → <c>triggers-and-early-warning-signs</c>.</summary>
    public static string Slug(CarePlanSection s) =>
        string.Concat(s.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static CarePlanSection? FromSlug(string? slug) =>
        Enum.GetValues<CarePlanSection>().Cast<CarePlanSection?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    /// <summary>
    /// The required sections with no content. A text section is empty when every one of its questions is blank; the
    /// person's involvement needs an answer, and the review needs a date. Goals and actions are rows: the section has
    /// content when it has at least one (<paramref name="withRows"/>); picked DBT skills count for the functions section.
    /// </summary>
    public static IReadOnlyList<CarePlanSection> EmptySections(IReadOnlyDictionary<string, string> text, PersonAgreement? agreement, DateOnly? reviewDate,
        IReadOnlyCollection<CarePlanSection>? withRows = null) =>
        Enum.GetValues<CarePlanSection>().Where(s => s switch
        {
            CarePlanSection.PersonsInvolvement => agreement is null,
            CarePlanSection.Review => reviewDate is null,
            _ when withRows?.Contains(s) == true => false,
            _ => For(s).All(f => !text.TryGetValue(f.Key, out var v) || string.IsNullOrWhiteSpace(v)),
        }).ToList();

    /// <summary>The review date must be in the future when the plan is signed, and within a year.</summary>
    public static FieldError? CheckReviewDate(DateOnly? reviewDate, DateOnly today) =>
        reviewDate is not { } d ? new("ReviewDate", "Enter the review date")
        : CheckReviewDateInFuture(d, today) is { } past ? past
        : d > today.AddYears(1) ? new("ReviewDate", "The review date must be within a year: plans are reviewed at least yearly")
        : null;

    /// <summary>
    /// The review date must be in the future: checked when the review section is saved and again when the plan is
    /// signed (<see cref="CheckReviewDate"/>, which also wants it within a year).
    /// </summary>
    public static FieldError? CheckReviewDateInFuture(DateOnly reviewDate, DateOnly today) =>
        reviewDate <= today ? new("ReviewDate", "The review date must be in the future") : null;
}
