using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Cases;
using Pathway.Domain.Compliance;
using Pathway.Domain.Coordination;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Risk;
using Pathway.Domain.Signposting;

namespace Pathway.Web.Features.SubjectAccess;

// The shape of the `content` Pathway gives HMPPS's subject access request service. Its field names are read by people
// (the SAR service renders them into the disclosure document), so they are plain words, dates are ISO 8601, and the
// shape is stable: a field is never removed or renamed without a new contract. Staff appear by display name only.

/// <summary>HMPPS's answer body: <c>{ "content": …, "attachments": [] }</c>. Pathway sends no attachments.</summary>
public sealed record SubjectAccessResponse(SubjectAccessContent Content, IReadOnlyList<SubjectAccessAttachment> Attachments);

/// <summary>An attachment as HMPPS's contract describes it (never sent by Pathway yet, kept so the schema is complete).</summary>
public sealed record SubjectAccessAttachment(int AttachmentNumber, string Name, string ContentType, string Url, int Filesize, string Filename);

public sealed record SubjectAccessContent(
    string Service,
    DateOnly? FromDate,
    DateOnly? ToDate,
    string InformationNotIncluded,
    SarPerson Person,
    IReadOnlyList<SarLicence> Licences,
    IReadOnlyList<SarRecall> Recalls,
    IReadOnlyList<SarReferral> Referrals,
    IReadOnlyList<SarConsultation> Consultations,
    IReadOnlyList<SarScreening> Screenings,
    IReadOnlyList<SarAssessment> Assessments,
    IReadOnlyList<SarOgrs3Score> Ogrs3Scores,
    IReadOnlyList<SarCarePlan> CarePlans,
    IReadOnlyList<SarIncident> Incidents,
    IReadOnlyList<SarContact> Contacts,
    IReadOnlyList<SarBehaviourOfConcern> BehavioursOfConcern,
    IReadOnlyList<SarWarningLetter> WarningLetters,
    IReadOnlyList<SarBreach> Breaches,
    IReadOnlyList<SarRecallConsideration> RecallConsiderations,
    IReadOnlyList<SarSignpostingReferral> Signposting,
    IReadOnlyList<SarUnmetNeed> UnmetNeeds,
    IReadOnlyList<SarCoordinationItem> CoordinationItems,
    IReadOnlyList<SarCoordinationAction> CoordinationActions)
{
    /// <summary>Whether anything dated falls in the range (the person's details alone are not an answer).</summary>
    public bool HasRecords =>
        Person.RecordCreatedOn is not null || Licences.Count + Recalls.Count + Referrals.Count + Consultations.Count + Screenings.Count
        + Assessments.Count + Ogrs3Scores.Count + CarePlans.Count + Incidents.Count + Contacts.Count + BehavioursOfConcern.Count
        + WarningLetters.Count + Breaches.Count + RecallConsiderations.Count + Signposting.Count + UnmetNeeds.Count
        + CoordinationItems.Count + CoordinationActions.Count > 0;

    public int RecordCount =>
        Licences.Count + Recalls.Count + Referrals.Count + Consultations.Count + Screenings.Count + Assessments.Count + Ogrs3Scores.Count
        + CarePlans.Count + Incidents.Count + Contacts.Count + BehavioursOfConcern.Count + WarningLetters.Count + Breaches.Count
        + RecallConsiderations.Count + Signposting.Count + UnmetNeeds.Count + CoordinationItems.Count + CoordinationActions.Count;
}

/// <summary>The person's details as held today. <see cref="RecordCreatedOn"/> is set when the case was opened within the range.</summary>
public sealed record SarPerson(
    string CaseReferenceNumber, string? PncNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, Gender Gender,
    Ethnicity Ethnicity, string? AddressLine1, string? AddressLine2, string? TownOrCity, string? Postcode, bool? RegisteredWithGp,
    RoshLevel RiskOfSeriousHarm, MappaCategory MappaCategory, MappaLevel MappaLevel, IReadOnlyList<string> RiskFlags,
    DateOnly? ReferredToServiceOn, bool NationalDataOptOut, DateOnly? RecordCreatedOn);

public sealed record SarLicence(
    SentenceType SentenceType, int? SentenceLengthMonths, string? IndexOffence, DateOnly ReleaseDate, DateOnly LicenceExpiryDate,
    DateOnly? SentenceExpiryDate, DateOnly? TopUpSupervisionEndDate, string StandardConditions, IReadOnlyList<SarAdditionalCondition> AdditionalConditions);

public sealed record SarAdditionalCondition(AdditionalConditionCategory Category, string Condition, DateTimeOffset AddedAt, DateTimeOffset? RemovedAt);

public sealed record SarRecall(DateOnly RecallDate, RecallType Type, string Reason, DateOnly? ReturnedToCustodyOn, DateOnly? ReReleasedOn);

public sealed record SarReferral(
    DateTimeOffset ReferredAt, string? ReferredBy, string Reason, string Questions, string? ConcernsAboutBehaviour, string? ConcernsAboutEmotions,
    string? ConcernsAboutThinking, string? ConcernsAboutRelationships, ReferralUrgency Urgency, SharingBasis SharingBasis,
    LawfulBasis? LawfulBasis, string? LawfulBasisNote, string? AllocatedPsychologist, PathwayStage Stage, DateTimeOffset? EndedAt,
    IReadOnlyList<SarStageChange> StageChanges);

public sealed record SarStageChange(PathwayStage? From, PathwayStage To, DateTimeOffset At, string? Reason);

public sealed record SarConsultation(
    DateOnly HeldOn, string? Questions, string Advice, DateOnly? NextConsultationOn, string? RecordedBy,
    IReadOnlyList<SarAttendee> Attendees, IReadOnlyList<SarAgreedAction> AgreedActions);

public sealed record SarAttendee(string Name, AttendeeRole Role);

public sealed record SarAgreedAction(string Description, string? Owner, DateOnly DueOn, DateTimeOffset? CompletedAt);

public sealed record SarScreening(
    string Instrument, int InstrumentVersion, ResponseStatus Status, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt,
    string? Outcome, bool ClinicalOverride, string? OverrideReason, System.Text.Json.JsonElement? Answers);

public sealed record SarAssessment(
    int VersionNumber, AssessmentStatus Status, DateOnly AssessmentDate, string? Author, DateTimeOffset? SubmittedAt,
    string? CountersignedBy, DateTimeOffset? CountersignedAt, IReadOnlyList<SarSection> Sections, IReadOnlyList<SarNeed> Needs);

public sealed record SarSection(string Section, string Text);

public sealed record SarNeed(NeedArea Area, NeedPriority Priority, string? Detail);

public sealed record SarOgrs3Score(
    DateOnly AssessmentDate, int PreviousSanctions, Ogrs3OffenceCategory OffenceCategory, double OneYearPercent, double TwoYearPercent,
    Ogrs3Band Band, DateTimeOffset CalculatedAt);

public sealed record SarCarePlan(
    int Number, CarePlanStatus Status, string Reason, IReadOnlyList<SarSection> Sections, PersonAgreement? PersonsAgreement,
    string? AgreementReason, DateOnly? ReviewDate, DateTimeOffset? SignedAt, DateTimeOffset? CountersignedAt, DateTimeOffset CreatedAt,
    IReadOnlyList<SarGoal> Goals, IReadOnlyList<SarPlanAction> Actions, IReadOnlyList<string> DbtSkills);

public sealed record SarGoal(NeedArea Area, string InOwnWords, string Smart, DateOnly TargetDate, GoalStatus Status);

public sealed record SarPlanAction(string What, string Who, string When, ActionStatus Status);

public sealed record SarIncident(
    DateTimeOffset OccurredAt, string Location, IncidentType Type, IncidentSeverity Severity, string Description, string? Trigger,
    string StaffResponse, string WhoWasInformed, SarChainAnalysis? ChainAnalysis);

public sealed record SarChainAnalysis(
    string? ProblemBehaviour, string? VulnerabilityFactors, string? PromptingEvent, IReadOnlyList<SarChainLink> Links,
    string? ShortTermConsequences, string? LongTermConsequences, string? Function, BehaviourFunction? FunctionCategory,
    string? PreventionAndRepair, DateTimeOffset? CompletedAt);

public sealed record SarChainLink(int Position, ChainLinkKind Kind, string Text, string? Skill);

public sealed record SarContact(DateOnly Date, ContactKind Kind, ContactOutcome Outcome, string? Reason, string? Notes);

public sealed record SarBehaviourOfConcern(DateOnly Date, ConcernType Type, string Description, string? EarlyWarningSign, IReadOnlyList<string> LicenceConditions);

public sealed record SarWarningLetter(DateOnly IssuedOn, WarningLevel Level, string Circumstances, IReadOnlyList<string> LicenceConditions);

public sealed record SarBreach(DateOnly OccurredOn, string Description, IReadOnlyList<string> LicenceConditions);

public sealed record SarRecallConsideration(
    DateTimeOffset StartedAt, RecallConsiderationStatus Status, RecallConcern? Concern, string? Circumstances, string? RiskSummary,
    IReadOnlyList<string> BreachedConditions, string? PsychologistsAdvice, string? OversightRationale, RecallDecisionKind? Decision,
    int? FixedTermDays, DateTimeOffset? DecidedAt);

public sealed record SarSignpostingReferral(
    string Service, string? Organisation, NeedArea Need, string ReasonForReferral, bool PersonConsented, SignpostingReferralStatus Status,
    DateOnly StatusOn, DateOnly? ReferredOn, DateOnly? FirstAttendedOn, DateTimeOffset CreatedAt);

public sealed record SarUnmetNeed(NeedArea Need, string? District, DateOnly RecordedOn, DateOnly? MetOn);

public sealed record SarCoordinationItem(DateOnly MeetingOn, string Title, AgendaItemKind Kind, SharingBasis? SharingBasis, string? Minutes, string? Decisions);

public sealed record SarCoordinationAction(string Description, DateOnly DueOn, GroupActionStatus Status, DateOnly? StatusOn);
