using Pathway.Domain.Training;

namespace Pathway.Data.Entities;

/// <summary>A course. Its content lives in <see cref="CourseVersion"/>s; <see cref="CurrentVersionId"/> is what new enrolments get.</summary>
public sealed class Course : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The stable name in URLs, for example <c>understanding-personality-disorder</c>.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>Months after completion before the course must be taken again; null for never.</summary>
    public int? RefresherMonths { get; set; }
    /// <summary>A blended course: completion also needs an attended face-to-face session.</summary>
    public bool RequiresSession { get; set; }
    public Guid? CurrentVersionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One version of a course's content (<see cref="CourseContent"/>, stored as a JSON document). A draft may be edited;
/// a published version never changes, so every enrolment pinned to it sees exactly what it was enrolled on.
/// </summary>
public sealed class CourseVersion : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public int Number { get; set; }
    public CourseVersionStatus Status { get; set; }
    public required string ContentJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public Guid? PublishedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A training audience: offender management unit, public protection unit, approved premises, others.</summary>
public sealed class StaffGroup : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>Members of <see cref="GroupId"/> must complete <see cref="CourseId"/>.</summary>
public sealed class StaffGroupRequirement
{
    public Guid GroupId { get; set; }
    public Guid CourseId { get; set; }
}

/// <summary>A training coordinator's choice of group for one member of staff, overriding the group their role implies.</summary>
public sealed class StaffTrainingGroup
{
    public Guid UserId { get; set; }
    public Guid GroupId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A learner on a course, pinned to the version they started. <see cref="Attempt"/> counts refreshers.</summary>
public sealed class Enrolment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid CourseId { get; set; }
    public Guid CourseVersionId { get; set; }
    public int Attempt { get; set; } = 1;
    public DateTimeOffset EnrolledAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The lesson last opened, for "resume".</summary>
    public string? LastLessonKey { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class LessonProgress
{
    public Guid EnrolmentId { get; set; }
    public required string LessonKey { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>The latest answer to one knowledge-check question.</summary>
public sealed class CheckAnswer
{
    public Guid EnrolmentId { get; set; }
    public required string QuestionKey { get; set; }
    public required string OptionKey { get; set; }
    public bool IsCorrect { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

/// <summary>One sitting of the knowledge test; the post-course test may be retaken.</summary>
public sealed class KnowledgeTestAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrolmentId { get; set; }
    public TestPhase Phase { get; set; }
    public int Correct { get; set; }
    public int Total { get; set; }
    public int Percent { get; set; }
    public bool Passed { get; set; }
    /// <summary>Question key → option key, for item analysis.</summary>
    public required string AnswersJson { get; set; }
    public DateTimeOffset TakenAt { get; set; }
}

/// <summary>The attitudes questionnaire, once before and once after; subscale means stored alongside the answers.</summary>
public sealed class AttitudeResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrolmentId { get; set; }
    public TestPhase Phase { get; set; }
    public required string AnswersJson { get; set; }
    public required string ScoresJson { get; set; }
    public DateTimeOffset TakenAt { get; set; }
}

/// <summary>Kirkpatrick level 1: how the learner rated the course (each 1–5), and what they said.</summary>
public sealed class CourseEvaluation
{
    public Guid EnrolmentId { get; set; }
    public int Relevance { get; set; }
    public int Clarity { get; set; }
    public int Confidence { get; set; }
    public int Recommend { get; set; }
    public string? Comments { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>
/// A face-to-face session of a course. <see cref="BookedCount"/> is the number of places taken; the database refuses a
/// count above <see cref="Capacity"/>, and a booking only takes a place by a conditional update of this row, so two
/// people booking the last place at once cannot both get it.
/// </summary>
public sealed class TrainingSession : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public Guid TrainerId { get; set; }
    public required string Venue { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Capacity { get; set; }
    public int BookedCount { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A place on a session, or a place in its waiting list; cancelled rows stay as history.</summary>
public sealed class SessionBooking
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
    public BookingStatus Status { get; set; }
    /// <summary>When the person asked for a place: the waiting list is served in this order.</summary>
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>When they got a place (straight away, or when promoted from the waiting list).</summary>
    public DateTimeOffset? BookedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>The register: null until marked.</summary>
    public bool? Attended { get; set; }
    public DateTimeOffset? AttendanceMarkedAt { get; set; }
    public Guid? AttendanceMarkedById { get; set; }
}

/// <summary>
/// A certificate of completion. <see cref="Number"/> is random (about 100 bits), so it cannot be guessed from
/// another; the verification page shows only the name, course, completion date and validity stored here.
/// </summary>
public sealed class TrainingCertificate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid EnrolmentId { get; set; }
    public Guid UserId { get; set; }
    public Guid CourseId { get; set; }
    /// <summary>The name and title as printed, so the certificate says the same thing later.</summary>
    public required string LearnerName { get; set; }
    public required string CourseTitle { get; set; }
    public int CourseVersionNumber { get; set; }
    public DateOnly CompletedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public decimal CpdHours { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
