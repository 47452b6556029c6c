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
