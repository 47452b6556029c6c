using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.SubjectAccess;

/// <summary>What HMPPS's subject access request service sends: identifiers and an optional date range, as text.</summary>
public sealed record SubjectAccessQuery(string? Prn, string? Crn, string? FromDate, string? ToDate);

/// <summary>The answer: the person was not found here (<see cref="Known"/> false), or their content, which may hold nothing in the range.</summary>
public sealed record SubjectAccessAnswer(bool Known, SubjectAccessContent? Content);

/// <summary>
/// Gathers everything Pathway holds about one person, by CRN, for HMPPS's central subject access request service, and
/// writes one audit row saying who asked, about which case and for which dates. Pathway holds no NOMIS prison number, so a
/// request by prison number alone is "not known here". A record is in the range when its own date (release, referral,
/// contact, incident…) is; timestamps are compared by their UTC day. Information recorded as not to be disclosed to the
/// person (assessment and care-plan restricted notes) is never included: it needs a person's review under an exemption.
/// </summary>
public sealed class GatherSubjectAccessContent(PathwayDbContext db, AuditLog audit)
{
    public const string NotIncluded =
        "Information that Pathway's staff recorded as not to be disclosed to the person (in assessments and care plans) is "
        + "not included here. It can only be released after the service's clinical lead has reviewed it under the Data "
        + "Protection Act 2018 exemptions; ask the NHS trust's data protection officer for that review.";

    public async Task<Outcome<SubjectAccessAnswer>> HandleAsync(SubjectAccessQuery query, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(query.Prn) && string.IsNullOrWhiteSpace(query.Crn))
            errors.Add(new("crn", "One of prn or crn must be supplied."));
        var from = Api.ParseDate(query.FromDate, "fromDate", errors);
        var to = Api.ParseDate(query.ToDate, "toDate", errors);
        if (from is { } f && to is { } t && f > t) errors.Add(new("toDate", "toDate must be on or after fromDate"));
        var range = $"from {(from is { } a ? Api.Date(a) : "the start")} to {(to is { } b ? Api.Date(b) : "today")}";
        if (errors.Count > 0)
        {
            await audit.WriteAsync(null, "SubjectAccessRequest", null, null, AuditOutcome.Denied, "invalid request: " + string.Join("; ", errors.Select(e => e.Field)), ct: ct);
            return Outcome.Invalid<SubjectAccessAnswer>(errors);
        }

        var crn = Crn.Normalise(query.Crn);
        var person = crn.Length == 0 ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Crn == crn, ct);
        if (person is null)
        {
            await audit.WriteAsync(null, "SubjectAccessRequest", null, null, AuditOutcome.Allowed, $"identifier not known here; {range}", ct: ct);
            return new SubjectAccessAnswer(false, null);
        }

        var content = await GatherAsync(person, from, to, ct);
        await audit.WriteAsync(null, "Case", person.Id, person.Id, AuditOutcome.Allowed,
            $"HMPPS subject access request {range}: {content.RecordCount} records", ct: ct);
        return new SubjectAccessAnswer(true, content);
    }

    private async Task<SubjectAccessContent> GatherAsync(CaseRecord c, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        bool In(DateOnly d) => (from is null || d >= from) && (to is null || d <= to);
        bool At(DateTimeOffset t) => In(DateOnly.FromDateTime(t.UtcDateTime));
        var id = c.Id;

        var licences = await db.Licences.AsNoTracking().Include(l => l.AdditionalConditions).Include(l => l.StandardConditionSet)
            .Where(l => l.CaseId == id).OrderBy(l => l.ReleaseDate).ToListAsync(ct);
        var recalls = await db.Recalls.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.RecallDate).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.StageChanges).Where(r => r.CaseId == id).OrderBy(r => r.ReferredAt).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().Include(x => x.Attendees).Include(x => x.Actions)
            .Where(x => x.CaseId == id).OrderBy(x => x.HeldOn).ToListAsync(ct);
        var screenings = await db.InstrumentResponses.AsNoTracking().Include(s => s.Definition).Where(s => s.CaseId == id).OrderBy(s => s.StartedAt).ToListAsync(ct);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Fields).Include(a => a.Needs)
            .Where(a => a.CaseId == id).OrderBy(a => a.AssessmentDate).ThenBy(a => a.VersionNumber).ToListAsync(ct);
        var scores = await db.Ogrs3Scores.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.CalculatedAt).ToListAsync(ct);
        var plans = await db.CarePlans.AsNoTracking().Include(p => p.Texts).Where(p => p.CaseId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var goals = await db.CarePlanGoals.AsNoTracking().Where(g => planIds.Contains(g.CarePlanId)).ToListAsync(ct);
        var actions = await db.CarePlanActions.AsNoTracking().Where(a => planIds.Contains(a.CarePlanId)).ToListAsync(ct);
        var skills = await db.CarePlanSkills.AsNoTracking().Where(s => planIds.Contains(s.CarePlanId)).ToListAsync(ct);
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis!).ThenInclude(a => a.Links)
            .Where(i => i.CaseId == id).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(x => x.CaseId == id).ToListAsync(ct);
        var concerns = await db.BehavioursOfConcern.AsNoTracking().Where(x => x.CaseId == id).ToListAsync(ct);
        var letters = await db.WarningLetters.AsNoTracking().Where(x => x.CaseId == id).ToListAsync(ct);
        var breaches = await db.Breaches.AsNoTracking().Where(x => x.CaseId == id).ToListAsync(ct);
        var considerations = await db.RecallConsiderations.AsNoTracking().Where(x => x.CaseId == id).ToListAsync(ct);
        var signposting = await db.SignpostingReferrals.AsNoTracking().Include(r => r.Service!).ThenInclude(s => s.Organisation)
            .Where(x => x.CaseId == id).ToListAsync(ct);
        var unmet = await db.UnmetNeeds.AsNoTracking().Where(x => x.CaseId == id).ToListAsync(ct);
        var items = await db.GroupAgendaItems.AsNoTracking().Where(x => x.CaseId == id)
            .Join(db.GroupMeetings, i => i.MeetingId, m => m.Id, (i, m) => new { Item = i, m.MeetingOn }).ToListAsync(ct);
        var groupActions = await db.GroupActions.AsNoTracking().Where(x => x.CaseId == id).ToListAsync(ct);

        var staffIds = referrals.Select(r => (Guid?)r.ReferredById).Concat(referrals.Select(r => r.AllocatedPsychologistId))
            .Concat(consultations.Select(x => (Guid?)x.RecordedById)).Concat(consultations.SelectMany(x => x.Actions).Select(a => (Guid?)a.OwnerId))
            .Concat(consultations.SelectMany(x => x.Attendees).Select(a => a.StaffUserId))
            .Concat(assessments.Select(a => (Guid?)a.AuthorId)).Concat(assessments.Select(a => a.CountersignedById))
            .OfType<Guid>().Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(Guid? who) => who is { } w && staff.TryGetValue(w, out var n) ? n : null;
        static IReadOnlyList<string> Conditions(List<LinkedCondition> linked) => linked.Select(l => l.Text).ToList();

        return new SubjectAccessContent(
            "Pathway (NHS personality disorder service)", from, to, NotIncluded,
            new SarPerson(c.Crn, c.PncNumber, c.GivenName, c.FamilyName, c.DateOfBirth, c.Gender, c.Ethnicity, c.AddressLine1, c.AddressLine2,
                c.TownOrCity, c.Postcode, c.RegisteredWithGp, c.RoshLevel, c.MappaCategory, c.MappaLevel,
                RiskFlags.Split(c.Flags).Select(RiskFlags.DisplayName).ToList(), c.ReferredToServiceOn, c.NationalDataOptOut,
                At(c.CreatedAt) ? DateOnly.FromDateTime(c.CreatedAt.UtcDateTime) : null),
            licences.Where(l => In(l.ReleaseDate)).Select(l => new SarLicence(l.SentenceType, l.SentenceLengthMonths, l.IndexOffence, l.ReleaseDate,
                l.LicenceExpiryDate, l.SentenceExpiryDate, l.TopUpSupervisionEndDate, l.StandardConditionSet?.Name ?? l.StandardConditionSetCode,
                l.AdditionalConditions.OrderBy(a => a.CreatedAt).Select(a => new SarAdditionalCondition(a.Category, a.Text, a.CreatedAt, a.RemovedAt)).ToList())).ToList(),
            recalls.Where(r => In(r.RecallDate)).Select(r => new SarRecall(r.RecallDate, r.Type, r.Reason, r.ReturnToCustodyDate, r.ReReleaseDate)).ToList(),
            referrals.Where(r => At(r.ReferredAt)).Select(r => new SarReferral(r.ReferredAt, Name(r.ReferredById), r.Reason, r.Questions, r.ConcernsBehaviour,
                r.ConcernsEmotions, r.ConcernsThinking, r.ConcernsRelationships, r.Urgency, r.SharingBasis, r.LawfulBasis, r.LawfulBasisNote,
                Name(r.AllocatedPsychologistId), r.Stage, r.EndedAt,
                r.StageChanges.OrderBy(s => s.At).Select(s => new SarStageChange(s.From, s.To, s.At, s.Reason)).ToList())).ToList(),
            consultations.Where(x => In(x.HeldOn)).Select(x => new SarConsultation(x.HeldOn, x.Questions, x.Advice, x.NextConsultationOn, Name(x.RecordedById),
                x.Attendees.Select(a => new SarAttendee(Name(a.StaffUserId) ?? a.Name ?? "Not recorded", a.Role)).ToList(),
                x.Actions.OrderBy(a => a.DueOn).Select(a => new SarAgreedAction(a.Description, Name(a.OwnerId), a.DueOn, a.CompletedAt)).ToList())).ToList(),
            screenings.Where(s => At(s.StartedAt)).Select(s => new SarScreening(s.Definition?.Title ?? s.InstrumentKey, s.DefinitionVersion, s.Status,
                s.StartedAt, s.CompletedAt, s.Outcome, s.Override, s.OverrideReason, Json(s.AnswersJson))).ToList(),
            assessments.Where(a => In(a.AssessmentDate)).Select(a => new SarAssessment(a.VersionNumber, a.Status, a.AssessmentDate, Name(a.AuthorId),
                a.SubmittedAt, Name(a.CountersignedById), a.CountersignedAt,
                a.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new SarSection(f.Key, f.Text)).ToList(),
                a.Needs.Select(n => new SarNeed(n.Area, n.Priority, n.Detail)).ToList())).ToList(),
            scores.Where(s => At(s.CalculatedAt)).Select(s => new SarOgrs3Score(s.AssessmentDate, s.PreviousSanctions, s.OffenceCategory,
                Math.Round(s.OneYear * 100, 2), Math.Round(s.TwoYear * 100, 2), s.Band, s.CalculatedAt)).ToList(),
            plans.Where(p => At(p.CreatedAt)).Select(p => new SarCarePlan(p.Number, p.Status, p.Reason,
                p.Texts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new SarSection(t.Key, t.Text)).ToList(), p.Agreement, p.AgreementReason,
                p.ReviewDate, p.SignedAt, p.CountersignedAt, p.CreatedAt,
                goals.Where(g => g.CarePlanId == p.Id).OrderBy(g => g.Position).Select(g => new SarGoal(g.Area, g.InOwnWords, g.Smart, g.TargetDate, g.Status)).ToList(),
                actions.Where(a => a.CarePlanId == p.Id).OrderBy(a => a.Position).Select(a => new SarPlanAction(a.What, a.Who, a.When, a.Status)).ToList(),
                skills.Where(s => s.CarePlanId == p.Id).Select(s => s.SkillCode).Order(StringComparer.Ordinal).ToList())).ToList(),
            incidents.Where(i => At(i.OccurredAt)).OrderBy(i => i.OccurredAt).Select(i => new SarIncident(i.OccurredAt, i.Location, i.Type, i.Severity,
                i.Description, i.Trigger, i.StaffResponse, i.WhoWasInformed, i.ChainAnalysis is { } a
                    ? new SarChainAnalysis(a.ProblemBehaviour, a.VulnerabilityFactors, a.PromptingEvent,
                        a.Links.OrderBy(l => l.Position).Select(l => new SarChainLink(l.Position, l.Kind, l.Text, l.SkillCode)).ToList(),
                        a.ShortTermConsequences, a.LongTermConsequences, a.Function, a.FunctionCategory, a.PreventionAndRepair, a.CompletedAt)
                    : null)).ToList(),
            contacts.Where(x => In(x.Date)).OrderBy(x => x.Date).Select(x => new SarContact(x.Date, x.Kind, x.Outcome, x.Reason, x.Notes)).ToList(),
            concerns.Where(x => In(x.Date)).OrderBy(x => x.Date).Select(x => new SarBehaviourOfConcern(x.Date, x.Type, x.Description, x.MatchedEarlyWarningSign, Conditions(x.Conditions))).ToList(),
            letters.Where(x => In(x.IssuedOn)).OrderBy(x => x.IssuedOn).Select(x => new SarWarningLetter(x.IssuedOn, x.Level, x.Circumstances, Conditions(x.Conditions))).ToList(),
            breaches.Where(x => In(x.OccurredOn)).OrderBy(x => x.OccurredOn).Select(x => new SarBreach(x.OccurredOn, x.Description, Conditions(x.Conditions))).ToList(),
            considerations.Where(x => At(x.CreatedAt)).OrderBy(x => x.CreatedAt).Select(x => new SarRecallConsideration(x.CreatedAt, x.Status, x.Concern,
                x.Circumstances, x.RiskSummary, Conditions(x.BreachedConditions), x.ConsultationAdvice, x.OversightRationale, x.Decision,
                x.FixedTermDays, x.DecidedAt)).ToList(),
            signposting.Where(x => In(x.ReferredOn ?? DateOnly.FromDateTime(x.CreatedAt.UtcDateTime))).OrderBy(x => x.CreatedAt)
                .Select(x => new SarSignpostingReferral(x.Service?.Name ?? "Not recorded", x.Service?.Organisation?.Name, x.Need, x.ReasonForReferral,
                    x.PersonConsented, x.Status, x.StatusOn, x.ReferredOn, x.FirstAttendedOn, x.CreatedAt)).ToList(),
            unmet.Where(x => In(x.RecordedOn)).OrderBy(x => x.RecordedOn).Select(x => new SarUnmetNeed(x.Need, x.District, x.RecordedOn, x.MetOn)).ToList(),
            items.Where(x => In(x.MeetingOn)).OrderBy(x => x.MeetingOn).Select(x => new SarCoordinationItem(x.MeetingOn, x.Item.Title, x.Item.Kind,
                x.Item.SharingBasis, x.Item.Minutes, x.Item.Decisions)).ToList(),
            groupActions.Where(x => In(x.DueOn)).OrderBy(x => x.DueOn).Select(x => new SarCoordinationAction(x.Description, x.DueOn, x.Status, x.StatusOn)).ToList());
    }

    private static JsonElement? Json(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
