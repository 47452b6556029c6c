using Pathway.Domain.Assessments;
using Pathway.Domain.Risk;

namespace Pathway.Data.Entities;

/// <summary>
/// One OGRS3 calculation on a case, stored with every input it used so it can be checked and exported (as a FHIR
/// RiskAssessment, later) without recomputing. Never changed after it is saved: a new calculation is a new row.
/// </summary>
public sealed class Ogrs3Score
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }

    public Ogrs3Sex Sex { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public DateOnly ConvictionDate { get; set; }
    public DateOnly FirstSanctionDate { get; set; }
    public int PreviousSanctions { get; set; }
    public Ogrs3OffenceCategory OffenceCategory { get; set; }
    public DateOnly AssessmentDate { get; set; }

    /// <summary>Probability within one year, as a fraction, full precision.</summary>
    public double OneYear { get; set; }
    /// <summary>Probability within two years, as a fraction, full precision.</summary>
    public double TwoYear { get; set; }
    public Ogrs3Band Band { get; set; }

    public Guid CalculatedById { get; set; }
    public DateTimeOffset CalculatedAt { get; set; }

    /// <summary>A stored score from valid inputs (see <see cref="Ogrs3.Validate"/>): the inputs and the answer together.</summary>
    public static Ogrs3Score From(Guid caseId, Ogrs3Inputs i, Guid userId, DateTimeOffset now)
    {
        var r = Ogrs3.Calculate(i);
        return new Ogrs3Score
        {
            CaseId = caseId, Sex = i.Sex!.Value, DateOfBirth = i.DateOfBirth!.Value, ConvictionDate = i.ConvictionDate!.Value,
            FirstSanctionDate = i.FirstSanctionDate!.Value, PreviousSanctions = i.PreviousSanctions!.Value, OffenceCategory = i.OffenceCategory!.Value,
            AssessmentDate = i.AssessmentDate!.Value, OneYear = r.OneYear, TwoYear = r.TwoYear, Band = r.Band, CalculatedById = userId, CalculatedAt = now,
        };
    }

    public Ogrs3Inputs ToInputs() => new(Sex, DateOfBirth, ConvictionDate, FirstSanctionDate, PreviousSanctions, OffenceCategory, AssessmentDate);
}

/// <summary>
/// One version of a specialist psychological assessment. Versions of the same assessment share <see cref="SeriesId"/>
/// (the first version's id) and count up in <see cref="VersionNumber"/>. Text sections are <see cref="Fields"/>;
/// needs are <see cref="Needs"/>; the information not to be disclosed to the person is <see cref="Withheld"/>, a
/// separate table so that it is never loaded by accident into a copy meant for the person.
/// </summary>
public sealed class Assessment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid SeriesId { get; set; }
    public int VersionNumber { get; set; } = 1;
    public AssessmentStatus Status { get; set; }
    public DateOnly AssessmentDate { get; set; }

    public Guid AuthorId { get; set; }
    public StaffUser? Author { get; set; }

    /// <summary>The OGRS3 calculation the risk section relies on, if any.</summary>
    public Guid? Ogrs3ScoreId { get; set; }
    public Ogrs3Score? Ogrs3Score { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? CountersignedById { get; set; }
    public StaffUser? CountersignedBy { get; set; }
    public DateTimeOffset? CountersignedAt { get; set; }

    public List<AssessmentField> Fields { get; set; } = [];
    public List<AssessmentNeed> Needs { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One text field of an assessment section (keys from <see cref="AssessmentSections"/>).</summary>
public sealed class AssessmentField
{
    public Guid AssessmentId { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
}

/// <summary>A need in one area with its priority: what signposting matches against.</summary>
public sealed class AssessmentNeed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public NeedArea Area { get; set; }
    public NeedPriority Priority { get; set; }
    public string? Detail { get; set; }
}

/// <summary>
/// Information in an assessment that must not be disclosed to the person, held apart from the rest. Only
/// psychologists, the clinical lead, offender managers and senior probation officers see it; the copy that may be
/// shared with the person never includes it.
/// </summary>
public sealed class AssessmentWithheldInformation
{
    public Guid AssessmentId { get; set; }
    public required string Text { get; set; }
}
