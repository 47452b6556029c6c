namespace Pathway.Domain.Auditing;

/// <summary>
/// Every audit action Pathway writes, named once: <c>area[.thing].verb</c>, the verb from <see cref="Verbs"/>.
/// Pages and endpoints declare one with <c>[Audited(AuditActions.Case.Read)]</c>; handlers write them with
/// <c>audit.Add(AuditActions.Contact.Create, …)</c>. docs/audit.md says when each is written, and
/// <c>AuditActionsTests</c> holds the catalogue, the verb list and the docs to each other; no literal lives elsewhere.
/// </summary>
public static class AuditActions
{
    /// <summary>The fixed verbs an action ends with. A new kind of event picks one of these, not a synonym.</summary>
    public static readonly IReadOnlyList<string> Verbs = [
        "read", "list", "create", "update", "add", "remove", "download", "print", "compare", "calculate",
        "submit", "complete", "return", "countersign", "sign", "supersede", "allocate", "assign", "publish",
        "confirm", "correct", "enable", "disable", "reset", "revoke", "verify", "issue", "book", "cancel",
        "join", "register", "schedule", "enrol", "answer", "decide", "consult", "record", "request", "review",
        "match", "move", "re-release", "sign-in", "sign-out", "seed", "generate",
    ];

    public static class Account
    {
        public const string OidcSignIn = "account.oidc.sign-in";
        public const string PasswordVerify = "account.password.verify";
        public const string RecoveryCodeSignIn = "account.recovery-code.sign-in";
        public const string RecoveryCodesCreate = "account.recovery-codes.create";
        public const string SignIn = "account.sign-in";
        public const string SignOut = "account.sign-out";
        public const string NotificationsUpdate = "account.notifications.update";
        public const string TokensCreate = "account.tokens.create";
        public const string TokensList = "account.tokens.list";
        public const string TokensRevoke = "account.tokens.revoke";
        public const string TwoFactorEnrol = "account.two-factor.enrol";
        public const string TwoFactorSignIn = "account.two-factor.sign-in";
    }

    public static class Admin
    {
        public const string EarlyWarningRulesConfirm = "admin.early-warning-rules.confirm";
        public const string EarlyWarningRulesUpdate = "admin.early-warning-rules.update";
        public const string OutboxList = "admin.outbox.list";
        public const string OutboxDeliveryReset = "admin.outbox.delivery.reset";
        public const string SentEmailsList = "admin.sent-emails.list";
        public const string TeamsCreate = "admin.teams.create";
        public const string TeamsUpdate = "admin.teams.update";
        public const string UsersCreate = "admin.users.create";
        public const string UsersDisable = "admin.users.disable";
        public const string UsersEnable = "admin.users.enable";
        public const string UsersList = "admin.users.list";
        public const string UsersRead = "admin.users.read";
        public const string UsersTwoFactorReset = "admin.users.two-factor.reset";
        public const string UsersUpdate = "admin.users.update";
    }

    public static class Assessment
    {
        public const string Countersign = "assessment.countersign";
        public const string Create = "assessment.create";
        public const string Download = "assessment.download";
        public const string List = "assessment.list";
        public const string Print = "assessment.print";
        public const string Read = "assessment.read";
        public const string Return = "assessment.return";
        public const string Submit = "assessment.submit";
        public const string Update = "assessment.update";
        public const string VersionCreate = "assessment.version.create";
        public const string VersionsCompare = "assessment.versions.compare";
        public const string VersionsList = "assessment.versions.list";
    }

    public static class Breach
    {
        public const string Create = "breach.create";
        public const string List = "breach.list";
        public const string Read = "breach.read";
    }

    public static class CarePlan
    {
        public const string ActionAdd = "careplan.action.add";
        public const string ActionRemove = "careplan.action.remove";
        public const string ActionUpdate = "careplan.action.update";
        public const string ChangesRead = "careplan.changes.read";
        public const string Countersign = "careplan.countersign";
        public const string Download = "careplan.download";
        public const string GoalAdd = "careplan.goal.add";
        public const string GoalStatusUpdate = "careplan.goal.status.update";
        public const string GoalUpdate = "careplan.goal.update";
        public const string List = "careplan.list";
        public const string Read = "careplan.read";
        public const string ReviewList = "careplan.review.list";
        public const string ReviewRead = "careplan.review.read";
        public const string SectionUpdate = "careplan.section.update";
        public const string Sign = "careplan.sign";
        public const string SummaryDownload = "careplan.summary.download";
        public const string SummaryRead = "careplan.summary.read";
        public const string Supersede = "careplan.supersede";
        public const string VersionCreate = "careplan.version.create";
    }

    public static class Case
    {
        public const string AccessLogRead = "case.access-log.read";
        public const string BreakGlassRequest = "case.break-glass.request";
        public const string BreakGlassReview = "case.break-glass.review";
        public const string BreakGlassReviewList = "case.break-glass.review.list";
        public const string Create = "case.create";
        public const string DataOptOutUpdate = "case.data-opt-out.update";
        public const string ImportCreate = "case.import.create";
        public const string ImportUpdate = "case.import.update";
        public const string ImportVerify = "case.import.verify";
        public const string KeyworkerUpdate = "case.keyworker.update";
        public const string List = "case.list";
        public const string Read = "case.read";
        public const string SharingRead = "case.sharing.read";
        public const string SharingUpdate = "case.sharing.update";
        public const string TimelineRead = "case.timeline.read";
        public const string Update = "case.update";
    }

    public static class ChainAnalysis
    {
        public const string Complete = "chainanalysis.complete";
        public const string Create = "chainanalysis.create";
        public const string Read = "chainanalysis.read";
        public const string Update = "chainanalysis.update";
    }

    public static class Cli
    {
        public const string Generate = "cli.generate";
        public const string TeamsCreate = "cli.teams.create";
        public const string TokensCreate = "cli.tokens.create";
        public const string UsersCreate = "cli.users.create";
        public const string UsersDisable = "cli.users.disable";
    }

    public static class Compliance
    {
        public const string Read = "compliance.read";
        public const string TimelineRead = "compliance.timeline.read";
    }

    public static class Concern
    {
        public const string Create = "concern.create";
        public const string List = "concern.list";
        public const string Read = "concern.read";
        public const string SignsRead = "concern.signs.read";
    }

    public static class Consultation
    {
        public const string ActionComplete = "consultation.action.complete";
        public const string ActionList = "consultation.action.list";
        public const string Create = "consultation.create";
        public const string List = "consultation.list";
        public const string Read = "consultation.read";
        public const string Update = "consultation.update";
    }

    public static class Contact
    {
        public const string Create = "contact.create";
        public const string List = "contact.list";
        public const string Read = "contact.read";
        public const string Update = "contact.update";
    }

    public static class Coordination
    {
        public const string ActionCreate = "coordination.action.create";
        public const string ActionList = "coordination.action.list";
        public const string ActionStatusUpdate = "coordination.action.status.update";
        public const string ItemCreate = "coordination.item.create";
        public const string ItemRead = "coordination.item.read";
        public const string ItemUpdate = "coordination.item.update";
        public const string MeetingRead = "coordination.meeting.read";
        public const string MeetingStatusUpdate = "coordination.meeting.status.update";
        public const string MeetingUpdate = "coordination.meeting.update";
        public const string MemberUpdate = "coordination.member.update";
        public const string MinutesDownload = "coordination.minutes.download";
        public const string Read = "coordination.read";
        public const string RepresentativeUpdate = "coordination.representative.update";
    }

    public static class Demo
    {
        public const string Seed = "demo.seed";
    }

    public static class Directory
    {
        public const string OrganisationUpdate = "directory.organisation.update";
        public const string ServiceUpdate = "directory.service.update";
        public const string ServiceVerify = "directory.service.verify";
    }

    public static class Evaluation
    {
        public const string DataDownload = "evaluation.data.download";
        public const string PackDownload = "evaluation.pack.download";
        public const string PackRead = "evaluation.pack.read";
        public const string Read = "evaluation.read";
    }

    public static class Fhir
    {
        public const string CareplanList = "fhir.careplan.list";
        public const string CareplanRead = "fhir.careplan.read";
        public const string GoalRead = "fhir.goal.read";
        public const string PatientRead = "fhir.patient.read";
        public const string QuestionnaireResponseList = "fhir.questionnaire-response.list";
        public const string QuestionnaireResponseRead = "fhir.questionnaire-response.read";
        public const string QuestionnaireList = "fhir.questionnaire.list";
        public const string QuestionnaireRead = "fhir.questionnaire.read";
        public const string RiskAssessmentList = "fhir.risk-assessment.list";
        public const string RiskAssessmentRead = "fhir.risk-assessment.read";
    }

    public static class Incident
    {
        public const string Create = "incident.create";
        public const string List = "incident.list";
        public const string Read = "incident.read";
    }

    public static class Instrument
    {
        public const string DefinitionList = "instrument.definition.list";
        public const string DefinitionPublish = "instrument.definition.publish";
        public const string DefinitionRead = "instrument.definition.read";
    }

    public static class LawfulBasis
    {
        public const string Correct = "lawful-basis.correct";
    }

    public static class Licence
    {
        public const string ConditionAdd = "licence.condition.add";
        public const string ConditionRemove = "licence.condition.remove";
        public const string Create = "licence.create";
        public const string ImportCreate = "licence.import.create";
        public const string ImportUpdate = "licence.import.update";
        public const string List = "licence.list";
        public const string Read = "licence.read";
        public const string RecallAdd = "licence.recall.add";
        public const string Update = "licence.update";
    }

    public static class Ogrs3
    {
        public const string Calculate = "ogrs3.calculate";
        public const string Create = "ogrs3.create";
        public const string List = "ogrs3.list";
    }

    public static class Partner
    {
        public const string ReferralList = "partner.referral.list";
        public const string ReferralRead = "partner.referral.read";
    }

    public static class Pathway
    {
        public const string MapRead = "pathway.map.read";
    }

    public static class Recall
    {
        public const string Consult = "recall.consult";
        public const string Countersign = "recall.countersign";
        public const string Create = "recall.create";
        public const string Decide = "recall.decide";
        public const string LetterDownload = "recall.letter.download";
        public const string List = "recall.list";
        public const string OverviewRead = "recall.overview.read";
        public const string ReRelease = "recall.re-release";
        public const string Read = "recall.read";
        public const string Record = "recall.record";
        public const string RegimeRead = "recall.regime.read";
        public const string ReportDownload = "recall.report.download";
        public const string ServiceRead = "recall.service.read";
        public const string Submit = "recall.submit";
        public const string Update = "recall.update";
    }

    public static class Referral
    {
        public const string Allocate = "referral.allocate";
        public const string Create = "referral.create";
        public const string List = "referral.list";
        public const string QueueRead = "referral.queue.read";
        public const string Read = "referral.read";
        public const string StageUpdate = "referral.stage.update";
    }

    public static class Screening
    {
        public const string Complete = "screening.complete";
        public const string Create = "screening.create";
        public const string Download = "screening.download";
        public const string List = "screening.list";
        public const string Read = "screening.read";
        public const string Update = "screening.update";
    }

    public static class Signal
    {
        public const string List = "signal.list";
        public const string Read = "signal.read";
    }

    public static class Signposting
    {
        public const string Create = "signposting.create";
        public const string List = "signposting.list";
        public const string Match = "signposting.match";
        public const string Move = "signposting.move";
        public const string Read = "signposting.read";
        public const string RemindersRead = "signposting.reminders.read";
        public const string ReportDownload = "signposting.report.download";
        public const string ReportRead = "signposting.report.read";
        public const string UnmetRecord = "signposting.unmet.record";
    }

    public static class SubjectAccess
    {
        /// <summary>HMPPS's subject access request service asked for a person's data (<c>GET /subject-access-request</c>).</summary>
        public const string HmppsRead = "subject-access.hmpps.read";
    }

    public static class Task
    {
        public const string List = "task.list";
    }

    public static class Training
    {
        public const string AttitudesAfterSubmit = "training.attitudes.after.submit";
        public const string AttitudesBeforeSubmit = "training.attitudes.before.submit";
        public const string AttitudesSubmit = "training.attitudes.submit";
        public const string CertificateDownload = "training.certificate.download";
        public const string CertificateIssue = "training.certificate.issue";
        public const string CertificateVerify = "training.certificate.verify";
        public const string CheckAnswer = "training.check.answer";
        public const string Complete = "training.complete";
        public const string CourseCreate = "training.course.create";
        public const string CoursePublish = "training.course.publish";
        public const string CourseUpdate = "training.course.update";
        public const string DashboardCasesRead = "training.dashboard.cases.read";
        public const string DashboardRead = "training.dashboard.read";
        public const string Enrol = "training.enrol";
        public const string EvaluationSubmit = "training.evaluation.submit";
        public const string GroupAssign = "training.group.assign";
        public const string LessonComplete = "training.lesson.complete";
        public const string OverviewRead = "training.overview.read";
        public const string RecordRead = "training.record.read";
        public const string RequirementsUpdate = "training.requirements.update";
        public const string SessionBook = "training.session.book";
        public const string SessionBookingCancel = "training.session.booking.cancel";
        public const string SessionCancel = "training.session.cancel";
        public const string SessionRegister = "training.session.register";
        public const string SessionSchedule = "training.session.schedule";
        public const string SessionUpdate = "training.session.update";
        public const string SessionWaitingListJoin = "training.session.waiting-list.join";
        public const string TestAfterSubmit = "training.test.after.submit";
        public const string TestBeforeSubmit = "training.test.before.submit";
        public const string TestSubmit = "training.test.submit";
    }

    public static class Warning
    {
        public const string Create = "warning.create";
        public const string LetterDownload = "warning.letter.download";
        public const string LetterRead = "warning.letter.read";
        public const string List = "warning.list";
        public const string Read = "warning.read";
    }
}
