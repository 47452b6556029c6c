using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;

namespace Pathway.Data.Entities;

/// <summary>
/// One version of a person's care plan. A review or change makes a new version (a copy of the active one); signed
/// versions are never edited, so every earlier version stays readable. At most one version per case is active and
/// at most one is open (draft or awaiting countersignature); unique filtered indexes hold both.
/// </summary>
public sealed class CarePlan : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public int Number { get; set; }
    public CarePlanStatus Status { get; set; }
    /// <summary>Why this version was started: first plan, scheduled review, change after an incident…</summary>
    public required string Reason { get; set; }
    public Guid? PreviousId { get; set; }

    public List<CarePlanText> Texts { get; set; } = [];
    public PersonAgreement? Agreement { get; set; }
    public string? AgreementReason { get; set; }
    public DateOnly? ReviewDate { get; set; }
    /// <summary>The locked assessment whose formulation this plan was drawn from (a new version keeps its source).</summary>
    public Guid? FormulationAssessmentId { get; set; }

    public Guid CreatedById { get; set; }
    public Guid? SignedById { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public Guid? CountersignedById { get; set; }
    public DateTimeOffset? CountersignedAt { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The answer to one text question of a plan version (see <see cref="CarePlanFields"/>).</summary>
public sealed class CarePlanText
{
    public Guid CarePlanId { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
}

/// <summary>
/// The information not to be disclosed to the person, held apart from the rest of the plan so that a query for the
/// plan cannot carry it by accident: it is read only where <see cref="CarePlanSections.CanSee"/> allows.
/// </summary>
public sealed class CarePlanRestrictedNote
{
    public Guid CarePlanId { get; set; }
    public required string Text { get; set; }
}

/// <summary>
/// A goal in one plan version. When a new version is drafted every goal is copied into it with the same
/// <see cref="SeriesId"/> and its status history, so the history of a goal reads across versions.
/// </summary>
public sealed class CarePlanGoal : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CarePlanId { get; set; }
    /// <summary>The same goal across plan versions (the first version's goal id).</summary>
    public Guid SeriesId { get; set; }
    public int Position { get; set; }
    public NeedArea Area { get; set; }
    public required string InOwnWords { get; set; }
    public required string Smart { get; set; }
    public DateOnly TargetDate { get; set; }
    public GoalStatus Status { get; set; }
    public List<CarePlanGoalStatusChange> History { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One change of a goal's status (the first row is the goal being set: no <see cref="From"/>).</summary>
public sealed class CarePlanGoalStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GoalId { get; set; }
    public GoalStatus? From { get; set; }
    public GoalStatus To { get; set; }
    public string? Note { get; set; }
    public Guid ChangedById { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>An action in one plan version: what, who (a person or an agency), when, and its status. Copied into new versions.</summary>
public sealed class CarePlanAction : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CarePlanId { get; set; }
    public Guid SeriesId { get; set; }
    public int Position { get; set; }
    public required string What { get; set; }
    public required string Who { get; set; }
    public required string When { get; set; }
    public ActionStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A DBT skill (from <see cref="DbtSkills"/>) the plan points to as meeting the same need as a problem behaviour.</summary>
public sealed class CarePlanSkill
{
    public Guid CarePlanId { get; set; }
    public required string SkillCode { get; set; }
}
