using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Coordination;
using Pathway.Domain.Events;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Assessments.Detail;
using Pathway.Web.Features.BreakGlass.Request;
using Pathway.Web.Features.CarePlans.Version;
using Pathway.Web.Features.Compliance.Recall;
using Pathway.Web.Features.Compliance.Recall.Decision;
using Pathway.Web.Features.Compliance.Recall.Start;
using Pathway.Web.Features.Compliance.Recall.Steps;
using Pathway.Web.Features.Consultations.Edit;
using Pathway.Web.Features.Consultations.Record;
using Pathway.Web.Features.Signposting.Referrals;
using Pathway.Web.Features.Coordination.Actions;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Compliance;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Outbox;

/// <summary>
/// Handler by handler (referrals are in <see cref="OutboxTests"/>): doing the action writes exactly its outbox event —
/// type, CRN, detail path, the acting person — with a pending delivery per channel, committed with the change; an action
/// refused or invalid writes none.
/// </summary>
public abstract class HandlerEventTests(AppFixture app)
{
    private const string Reason = "Police report an immediate risk to a child; the offender manager is on leave.";

    [Fact]
    public async Task ReturningAndCountersigningAnAssessment_EachWriteTheirEvent_ARefusalWritesNone()
    {
        var lead = app.World.Users[StaffRole.ClinicalLead];
        var author = app.World.Users[StaffRole.Psychologist].Id;
        var returned = await SubmittedAsync(author);
        var countersigned = await SubmittedAsync(author);
        var own = await SubmittedAsync(lead.Id);

        await using (var s = HandlerScope.As(app, lead, StaffRole.ClinicalLead))
        {
            var before = await EventIdsAsync();
            Assert.IsType<Outcome<Assessment>.Invalid>(await s.Get<CountersignAssessment>().HandleAsync(s.For(app.World.InScope), own.Id, own.Version, [], default));
            Assert.IsType<Outcome<Assessment>.Conflict>(await s.Get<ReturnAssessment>().HandleAsync(s.For(app.World.InScope), returned.Id, returned.Version - 1, [], default));
            Assert.Empty(await NewEventsAsync(before));

            Assert.IsType<Outcome<Assessment>.Done>(await s.Get<ReturnAssessment>().HandleAsync(s.For(app.World.InScope), returned.Id, returned.Version, [], default));
            await AssertOneEventAsync(before, DomainEventTypes.AssessmentReturned, app.World.InScope, $"/cases/{app.World.InScope.Id}/assessments/{returned.Id}", lead.Id,
                returned.Id, author);
            Assert.Equal(AssessmentStatus.Draft, await app.Factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == returned.Id).Select(a => a.Status).SingleAsync()));

            before = await EventIdsAsync();
            Assert.IsType<Outcome<Assessment>.Done>(await s.Get<CountersignAssessment>().HandleAsync(s.For(app.World.InScope), countersigned.Id, countersigned.Version, [], default));
            await AssertOneEventAsync(before, DomainEventTypes.AssessmentCountersigned, app.World.InScope,
                $"/cases/{app.World.InScope.Id}/assessments/{countersigned.Id}", lead.Id, countersigned.Id, author);
        }
    }

    [Fact]
    public async Task OpeningACaseInAnEmergency_WritesItsEventForTheClinicalLead_AnInvalidOrNeedlessRequestWritesNone()
    {
        var om = app.World.Users[StaffRole.OffenderManager];
        await using var s = HandlerScope.As(app, om, StaffRole.OffenderManager);
        var open = s.Get<OpenCaseInEmergency>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<EmergencyAccess>.Invalid>(await open.HandleAsync(app.World.OutOfScope.Crn, "Urgent.", s.Who, default));
        Assert.IsType<Outcome<EmergencyAccess>.Invalid>(await open.HandleAsync(app.World.Restricted.Crn, Reason, s.Who, default));
        var needless = Assert.IsType<Outcome<EmergencyAccess>.Done>(await open.HandleAsync(app.World.InScope.Crn, Reason, s.Who, default)).Value;
        Assert.Null(needless.Grant); // a case they can already see: no grant, nothing to review
        Assert.Empty(await NewEventsAsync(before));

        var grant = Assert.IsType<Outcome<EmergencyAccess>.Done>(await open.HandleAsync(app.World.OutOfScope.Crn, Reason, s.Who, default)).Value.Grant!;
        await AssertOneEventAsync(before, DomainEventTypes.BreakGlassGranted, app.World.OutOfScope, "/break-glass/review", om.Id, grant.Id);
        Assert.True(await app.Factory.WithDbAsync(db => db.BreakGlassGrants.AnyAsync(g => g.Id == grant.Id)));
    }

    [Fact]
    public async Task AGroupActionOwnedByStaff_WritesItsEvent_OneOwnedByARepresentativeOrInvalidWritesNone()
    {
        var lead = app.World.Users[StaffRole.ClinicalLead];
        var owner = app.World.Users[StaffRole.Psychologist].Id;
        var (meeting, representative) = await app.Factory.WithDbAsync(async db =>
            (await db.GroupMeetings.Where(m => m.Status != MeetingStatus.MinutesApproved).Select(m => m.Id).FirstAsync(),
             await db.GroupRepresentatives.Select(r => (Guid?)r.Id).FirstOrDefaultAsync()));
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        await using var s = HandlerScope.As(app, lead, StaffRole.ClinicalLead);
        var add = s.Get<AddGroupAction>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<Guid>.Invalid>(await add.HandleAsync(meeting, new GroupActionDetails("Call the hostel", null, null, owner, null), [], default));
        if (representative is { } rep)
            Assert.IsType<Outcome<Guid>.Done>(await add.HandleAsync(meeting, new GroupActionDetails("Call the hostel", null, rep, null, due), [], default));
        Assert.Empty(await NewEventsAsync(before));

        var id = Assert.IsType<Outcome<Guid>.Done>(await add.HandleAsync(meeting, new GroupActionDetails("Call the hostel", null, null, owner, due), [], default)).Value;
        var e = Assert.Single(await NewEventsAsync(before));
        Assert.Equal((DomainEventTypes.CoordinationActionAssigned, (Guid?)null, (string?)null, "/coordination-group/actions", (Guid?)lead.Id),
            (e.EventType, e.CaseId, e.Crn, e.DetailPath, e.ActorId));
        Assert.Contains(id.ToString(), e.AdditionalInformation, StringComparison.Ordinal);
        Assert.Contains(owner.ToString(), e.AdditionalInformation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittingAnAssessment_WritesItsEvent_AnIncompleteOrStaleSubmissionWritesNone()
    {
        var author = app.World.Users[StaffRole.Psychologist];
        var incomplete = await AssessmentAsync(author.Id, AssessmentStatus.Draft, complete: false);
        var draft = await AssessmentAsync(author.Id, AssessmentStatus.Draft, complete: true);

        await using var s = HandlerScope.As(app, author, StaffRole.Psychologist);
        var submit = s.Get<SubmitAssessment>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<Assessment>.Invalid>(await submit.HandleAsync(s.For(app.World.InScope), incomplete.Id, incomplete.Version, [], default));
        Assert.IsType<Outcome<Assessment>.Conflict>(await submit.HandleAsync(s.For(app.World.InScope), draft.Id, draft.Version - 1, [], default));
        Assert.Empty(await NewEventsAsync(before));

        Assert.IsType<Outcome<Assessment>.Done>(await submit.HandleAsync(s.For(app.World.InScope), draft.Id, draft.Version, [], default));
        await AssertOneEventAsync(before, DomainEventTypes.AssessmentSubmitted, app.World.InScope, $"/cases/{app.World.InScope.Id}/assessments/{draft.Id}", author.Id,
            draft.Id, author.Id);
        Assert.Equal(AssessmentStatus.Submitted, await app.Factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == draft.Id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task SigningACarePlan_WritesItsEvent_AnIncompleteOrStaleSignatureWritesNone()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var (caseId, incomplete) = await CarePlanAsync(CarePlanStatus.Draft, withoutKey: "risk.victim-safety");
        var (otherCase, plan) = await CarePlanAsync(CarePlanStatus.Draft);

        await using var s = HandlerScope.As(app, psychologist, StaffRole.Psychologist);
        var sign = s.Get<SignCarePlan>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<CarePlan>.Invalid>(await sign.HandleAsync(await s.CaseAsync(caseId), incomplete.Id, incomplete.Version, [], default));
        var c = await s.CaseAsync(otherCase);
        Assert.IsType<Outcome<CarePlan>.Conflict>(await sign.HandleAsync(c, plan.Id, plan.Version - 1, [], default));
        Assert.Empty(await NewEventsAsync(before));

        Assert.IsType<Outcome<CarePlan>.Done>(await sign.HandleAsync(c, plan.Id, plan.Version, [], default));
        await AssertOneEventAsync(before, DomainEventTypes.CarePlanSubmitted, c.Case, $"/cases/{otherCase}/care-plans/{plan.Id}", psychologist.Id,
            plan.Id, psychologist.Id);
    }

    [Fact]
    public async Task CountersigningACarePlan_WritesItsEvent_TheSignerCountersigningWritesNone()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var om = app.World.Users[StaffRole.OffenderManager];
        var (caseId, plan) = await CarePlanAsync(CarePlanStatus.AwaitingCountersignature, signedBy: psychologist.Id);

        await using (var own = HandlerScope.As(app, psychologist, StaffRole.Psychologist))
        {
            var before = await EventIdsAsync();
            Assert.IsType<Outcome<CarePlan>.Invalid>(await own.Get<CountersignCarePlan>().HandleAsync(await own.CaseAsync(caseId), plan.Id, plan.Version, [], default));
            Assert.Empty(await NewEventsAsync(before));
        }

        await using var s = HandlerScope.As(app, om, StaffRole.OffenderManager);
        var c = await s.CaseAsync(caseId);
        var after = await EventIdsAsync();
        Assert.IsType<Outcome<CarePlan>.Conflict>(await s.Get<CountersignCarePlan>().HandleAsync(c, plan.Id, plan.Version - 1, [], default));
        Assert.Empty(await NewEventsAsync(after));
        Assert.IsType<Outcome<CarePlan>.Done>(await s.Get<CountersignCarePlan>().HandleAsync(c, plan.Id, plan.Version, [], default));
        await AssertOneEventAsync(after, DomainEventTypes.CarePlanCountersigned, c.Case, $"/cases/{caseId}/care-plans/{plan.Id}", om.Id, plan.Id, psychologist.Id);
        Assert.Equal(CarePlanStatus.Active, await app.Factory.WithDbAsync(db => db.CarePlans.Where(p => p.Id == plan.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task StartingARecallConsideration_TellsTheSeniorProbationOfficerAndAsksThePsychologist_ARefusalWritesNone()
    {
        var om = app.World.Users[StaffRole.OffenderManager];
        var psychologist = app.World.Users[StaffRole.Psychologist].Id;
        var (openCase, _) = await RecallAsync(RecallConsiderationStatus.InProgress);
        var (freeCase, _) = await RecallAsync(null);

        await using var s = HandlerScope.As(app, om, StaffRole.OffenderManager);
        var start = s.Get<StartRecallConsideration>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<RecallConsideration>.Invalid>(await start.HandleAsync(await s.CaseAsync(freeCase), null, [], default));
        Assert.IsType<Outcome<RecallConsideration>.Invalid>(await start.HandleAsync(await s.CaseAsync(openCase), RecallConcern.ContactStopped, [], default));
        Assert.Empty(await NewEventsAsync(before));

        var c = await s.CaseAsync(freeCase);
        var r = Assert.IsType<Outcome<RecallConsideration>.Done>(await start.HandleAsync(c, RecallConcern.RiskIncreased, [], default)).Value;
        var events = await NewEventsAsync(before);
        Assert.Equal(2, events.Count);
        var started = Assert.Single(events, e => e.EventType == DomainEventTypes.RecallConsiderationStarted);
        Assert.Equal((freeCase, c.Case.Crn, $"/cases/{freeCase}/recall/{r.Id}", (Guid?)om.Id), (started.CaseId!.Value, started.Crn, started.DetailPath, started.ActorId));
        Assert.Contains(r.Id.ToString(), started.AdditionalInformation, StringComparison.Ordinal);
        var asked = Assert.Single(events, e => e.EventType == DomainEventTypes.RecallAdviceRequested);
        Assert.Equal((freeCase, c.Case.Crn, $"/cases/{freeCase}/recall/{r.Id}/consultation", (Guid?)om.Id), (asked.CaseId!.Value, asked.Crn, asked.DetailPath, asked.ActorId));
        Assert.Contains(r.Id.ToString(), asked.AdditionalInformation, StringComparison.Ordinal);
        Assert.Contains(psychologist.ToString(), asked.AdditionalInformation, StringComparison.Ordinal);
        foreach (var e in events) await AssertPendingDeliveriesAsync(e.Id);
    }

    [Fact]
    public async Task SubmittingARecallForDecision_WritesItsEvent_AnIncompleteOrStaleSubmissionWritesNone()
    {
        var om = app.World.Users[StaffRole.OffenderManager];
        var (incompleteCase, incomplete) = await RecallAsync(RecallConsiderationStatus.InProgress, complete: false);
        var (caseId, ready) = await RecallAsync(RecallConsiderationStatus.InProgress);

        await using var s = HandlerScope.As(app, om, StaffRole.OffenderManager);
        var submit = s.Get<SubmitForRecallDecision>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<RecallConsideration>.Invalid>(await submit.HandleAsync(await s.CaseAsync(incompleteCase), incomplete, await RecallVersionAsync(incomplete), default));
        var c = await s.CaseAsync(caseId);
        var version = await RecallVersionAsync(ready);
        Assert.IsType<Outcome<RecallConsideration>.Conflict>(await submit.HandleAsync(c, ready, version - 1, default));
        Assert.Empty(await NewEventsAsync(before));

        Assert.IsType<Outcome<RecallConsideration>.Done>(await submit.HandleAsync(c, ready, version, default));
        await AssertOneEventAsync(before, DomainEventTypes.RecallDecisionNeeded, c.Case, $"/cases/{caseId}/recall/{ready}/decision", om.Id, ready);
    }

    [Fact]
    public async Task RecordingRecallAdvice_WritesItsEvent_AdviceFromAnotherRoleOrEmptyWritesNone()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var (caseId, rid) = await RecallAsync(RecallConsiderationStatus.InProgress, consulted: false);
        var version = await RecallVersionAsync(rid);

        await using (var om = HandlerScope.As(app, app.World.Users[StaffRole.OffenderManager], StaffRole.OffenderManager))
        {
            var before = await EventIdsAsync();
            Assert.IsType<Outcome<RecallConsideration>.Invalid>(await om.Get<RecordRecallAdvice>().HandleAsync(await om.CaseAsync(caseId), rid, "Recall now.", version, default));
            Assert.Empty(await NewEventsAsync(before));
        }

        await using var s = HandlerScope.As(app, psychologist, StaffRole.Psychologist);
        var advise = s.Get<RecordRecallAdvice>();
        var c = await s.CaseAsync(caseId);
        var after = await EventIdsAsync();
        Assert.IsType<Outcome<RecallConsideration>.Invalid>(await advise.HandleAsync(c, rid, "  ", version, default));
        Assert.IsType<Outcome<RecallConsideration>.Conflict>(await advise.HandleAsync(c, rid, "Recall now.", version - 1, default));
        Assert.Empty(await NewEventsAsync(after));

        Assert.IsType<Outcome<RecallConsideration>.Done>(await advise.HandleAsync(c, rid, "A warning first; recall if contact stops again.", version, default));
        await AssertOneEventAsync(after, DomainEventTypes.RecallAdviceGiven, c.Case, $"/cases/{caseId}/recall/{rid}", psychologist.Id,
            rid, app.World.Users[StaffRole.OffenderManager].Id);
    }

    [Fact]
    public async Task DecidingARecall_ToRecallAsksForACountersignature_NotToRecallIsDecided_ARefusalWritesNone()
    {
        var spo = app.World.Users[StaffRole.SeniorProbationOfficer];
        var (recallCase, recall) = await RecallAsync(RecallConsiderationStatus.AwaitingDecision);
        var (noRecallCase, noRecall) = await RecallAsync(RecallConsiderationStatus.AwaitingDecision);

        await using var s = HandlerScope.As(app, spo, StaffRole.SeniorProbationOfficer);
        var decide = s.Get<DecideRecall>();
        var c = await s.CaseAsync(recallCase);
        var version = await RecallVersionAsync(recall);
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<RecallConsideration>.Invalid>(await decide.HandleAsync(c, recall, new DecisionInput(RecallDecisionKind.FixedTermRecall, " "), version, [], default));
        Assert.IsType<Outcome<RecallConsideration>.Conflict>(await decide.HandleAsync(c, recall, new DecisionInput(RecallDecisionKind.FixedTermRecall, "Contact stopped"), version - 1, [], default));
        Assert.Empty(await NewEventsAsync(before));

        var done = await decide.HandleAsync(c, recall, new DecisionInput(RecallDecisionKind.FixedTermRecall, "Contact stopped and risk rose"), version, [], default);
        Assert.True(done is Outcome<RecallConsideration>.Done, (done as Outcome<RecallConsideration>.Invalid)?.Errors.Select(e => e.Message).FirstOrDefault());
        await AssertOneEventAsync(before, DomainEventTypes.RecallCountersignatureNeeded, c.Case, $"/cases/{recallCase}/recall/{recall}/countersign", spo.Id, recall);

        before = await EventIdsAsync();
        var other = await s.CaseAsync(noRecallCase);
        Assert.IsType<Outcome<RecallConsideration>.Done>(await decide.HandleAsync(other, noRecall,
            new DecisionInput(RecallDecisionKind.NoRecall, "A warning letter first"), await RecallVersionAsync(noRecall), [], default));
        await AssertOneEventAsync(before, DomainEventTypes.RecallDecided, other.Case, $"/cases/{noRecallCase}/recall/{noRecall}", spo.Id,
            noRecall, app.World.Users[StaffRole.OffenderManager].Id);
        Assert.Equal(RecallConsiderationStatus.Decided, await app.Factory.WithDbAsync(db => db.RecallConsiderations.Where(r => r.Id == noRecall).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task CountersigningARecallDecision_WritesTheDecision_TheDeciderCountersigningWritesNone()
    {
        var spo = app.World.Users[StaffRole.SeniorProbationOfficer];
        var (ownCase, own) = await RecallAsync(RecallConsiderationStatus.AwaitingCountersignature, decidedBy: spo.Id);
        var (caseId, rid) = await RecallAsync(RecallConsiderationStatus.AwaitingCountersignature, decidedBy: app.World.Users[StaffRole.ClinicalLead].Id);

        await using var s = HandlerScope.As(app, spo, StaffRole.SeniorProbationOfficer);
        var countersign = s.Get<CountersignRecallDecision>();
        var c = await s.CaseAsync(caseId);
        var version = await RecallVersionAsync(rid);
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<RecallConsideration>.Invalid>(await countersign.HandleAsync(await s.CaseAsync(ownCase), own, await RecallVersionAsync(own), default));
        Assert.IsType<Outcome<RecallConsideration>.Conflict>(await countersign.HandleAsync(c, rid, version - 1, default));
        Assert.Empty(await NewEventsAsync(before));

        Assert.IsType<Outcome<RecallConsideration>.Done>(await countersign.HandleAsync(c, rid, version, default));
        await AssertOneEventAsync(before, DomainEventTypes.RecallDecided, c.Case, $"/cases/{caseId}/recall/{rid}", spo.Id,
            rid, app.World.Users[StaffRole.OffenderManager].Id);
    }

    [Fact]
    public async Task RecordingAConsultation_WritesAnEventPerAction_OneWithoutActionsOrInvalidWritesNone()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var om = app.World.Users[StaffRole.OffenderManager].Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var s = HandlerScope.As(app, psychologist, StaffRole.Psychologist);
        var record = s.Get<RecordConsultation>();
        var c = await s.CaseAsync(app.World.InScope.Id);
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<Consultation>.Invalid>(await record.HandleAsync(c, Held(today, [new("Book a joint visit", om, null)]), [], default));
        Assert.IsType<Outcome<Consultation>.Done>(await record.HandleAsync(c, Held(today, []), [], default));
        Assert.Empty(await NewEventsAsync(before));

        before = await EventIdsAsync();
        var con = Assert.IsType<Outcome<Consultation>.Done>(await record.HandleAsync(c,
            Held(today, [new("Book a joint visit", om, today.AddDays(7)), new("Share the formulation", psychologist.Id, today.AddDays(14))]), [], default)).Value;
        var events = await NewEventsAsync(before);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((DomainEventTypes.ConsultationActionAssigned, (Guid?)c.Id, (string?)c.Case.Crn, $"/cases/{c.Id}/consultations/{con.Id}", (Guid?)psychologist.Id),
            (e.EventType, e.CaseId, e.Crn, e.DetailPath, e.ActorId)));
        foreach (var action in con.Actions)
            Assert.Single(events, e => e.AdditionalInformation!.Contains(action.Id.ToString(), StringComparison.Ordinal)
                && e.AdditionalInformation.Contains(action.OwnerId.ToString()!, StringComparison.Ordinal));
        foreach (var e in events) await AssertPendingDeliveriesAsync(e.Id);
    }

    [Fact]
    public async Task UpdatingAConsultation_WritesAnEventForANewOrReassignedActionOnly_AStaleChangeWritesNone()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var om = app.World.Users[StaffRole.OffenderManager].Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var s = HandlerScope.As(app, psychologist, StaffRole.Psychologist);
        var c = await s.CaseAsync(app.World.InScope.Id);
        var con = Assert.IsType<Outcome<Consultation>.Done>(await s.Get<RecordConsultation>().HandleAsync(c,
            Held(today, [new("Book a joint visit", om, today.AddDays(7)), new("Share the formulation", psychologist.Id, today.AddDays(14))]), [], default)).Value;
        var (kept, moved) = (con.Actions.Single(a => a.OwnerId == om), con.Actions.Single(a => a.OwnerId == psychologist.Id));
        var version = await app.Factory.WithDbAsync(db => db.Consultations.Where(x => x.Id == con.Id).Select(x => x.Version).SingleAsync());

        await using var u = HandlerScope.As(app, psychologist, StaffRole.Psychologist);
        var update = u.Get<UpdateConsultation>();
        var uc = await u.CaseAsync(app.World.InScope.Id);
        var changed = Held(today, [new("Book a joint visit", om, today.AddDays(7)), new("Share the formulation", om, today.AddDays(14)),
            new("Ask the hostel about curfew", psychologist.Id, today.AddDays(3))]);
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<Consultation>.Conflict>(await update.HandleAsync(uc, con.Id, changed, [kept.Id, moved.Id, null], version - 1, [], default));
        Assert.IsType<Outcome<Consultation>.Done>(await update.HandleAsync(uc, con.Id,
            Held(today, [new("Book a joint visit", om, today.AddDays(7)), new("Share the formulation, in writing", psychologist.Id, today.AddDays(14))]),
            [kept.Id, moved.Id], version, [], default));
        Assert.Empty(await NewEventsAsync(before));

        version = await app.Factory.WithDbAsync(db => db.Consultations.Where(x => x.Id == con.Id).Select(x => x.Version).SingleAsync());
        await using var v = HandlerScope.As(app, psychologist, StaffRole.Psychologist);
        var saved = Assert.IsType<Outcome<Consultation>.Done>(await v.Get<UpdateConsultation>().HandleAsync(await v.CaseAsync(app.World.InScope.Id), con.Id, changed, [kept.Id, moved.Id, null], version, [], default)).Value;
        var added = saved.Actions.Single(a => a.Id != kept.Id && a.Id != moved.Id);
        var events = await NewEventsAsync(before);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((DomainEventTypes.ConsultationActionAssigned, (Guid?)uc.Id, (string?)uc.Case.Crn, $"/cases/{uc.Id}/consultations/{con.Id}", (Guid?)psychologist.Id),
            (e.EventType, e.CaseId, e.Crn, e.DetailPath, e.ActorId)));
        Assert.Single(events, e => e.AdditionalInformation!.Contains(moved.Id.ToString(), StringComparison.Ordinal) && e.AdditionalInformation.Contains(om.ToString(), StringComparison.Ordinal));
        Assert.Single(events, e => e.AdditionalInformation!.Contains(added.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.AdditionalInformation!.Contains(kept.Id.ToString(), StringComparison.Ordinal));
        foreach (var e in events) await AssertPendingDeliveriesAsync(e.Id);
    }

    [Fact]
    public async Task SendingASignpostingReferral_TellsThePartner_ASuggestionOrAReferralWithoutConsentWritesNone()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        await using var s = HandlerScope.As(app, psychologist, StaffRole.Psychologist);
        var refer = s.Get<ReferToService>();
        var c = await s.CaseAsync(app.World.InScope.Id);
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<SignpostingReferral>.Invalid>(await refer.HandleAsync(c, Signposting(consented: false, send: true), [], default));
        Assert.IsType<Outcome<SignpostingReferral>.Done>(await refer.HandleAsync(c, Signposting(consented: false, send: false), [], default));
        Assert.Empty(await NewEventsAsync(before));

        var sent = Assert.IsType<Outcome<SignpostingReferral>.Done>(await refer.HandleAsync(c, Signposting(consented: true, send: true), [], default)).Value;
        await AssertOneEventAsync(before, DomainEventTypes.SignpostingReferralSent, app.World.InScope, $"/partner/referrals/{sent.Id}", psychologist.Id,
            sent.Id, app.World.Partner.Id);
    }

    [Fact]
    public async Task SignpostingMoves_SendingTellsThePartner_ThePartnersReplyTellsStaff_OtherStaffMovesWriteNone()
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var partner = app.World.Users[StaffRole.PartnerAgency];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid suggested, referred, withdrawn;
        await using (var s = HandlerScope.As(app, psychologist, StaffRole.Psychologist))
        {
            var c = await s.CaseAsync(app.World.InScope.Id);
            suggested = Assert.IsType<Outcome<SignpostingReferral>.Done>(await s.Get<ReferToService>().HandleAsync(c, Signposting(consented: true, send: false), [], default)).Value.Id;
            referred = Assert.IsType<Outcome<SignpostingReferral>.Done>(await s.Get<ReferToService>().HandleAsync(c, Signposting(consented: true, send: true), [], default)).Value.Id;
            withdrawn = Assert.IsType<Outcome<SignpostingReferral>.Done>(await s.Get<ReferToService>().HandleAsync(c, Signposting(consented: true, send: true), [], default)).Value.Id;
        }

        var before = await EventIdsAsync();
        await using (var s = HandlerScope.As(app, psychologist, StaffRole.Psychologist))
        {
            var move = s.Get<RecordSignpostingMove>();
            var c = await s.CaseAsync(app.World.InScope.Id);
            var v = await SignpostingVersionAsync(suggested);
            Assert.IsType<Outcome<SignpostingReferral>.Conflict>(await move.ByStaffAsync(c, suggested, new(SignpostingReferralStatus.Referred, today, null, v - 1), [], default));
            Assert.IsType<Outcome<SignpostingReferral>.Invalid>(await move.ByStaffAsync(c, withdrawn,
                new(SignpostingReferralStatus.Withdrawn, today, null, await SignpostingVersionAsync(withdrawn)), [], default));
            Assert.IsType<Outcome<SignpostingReferral>.Done>(await move.ByStaffAsync(c, withdrawn,
                new(SignpostingReferralStatus.Withdrawn, today, "He has moved out of the area.", await SignpostingVersionAsync(withdrawn)), [], default));
            Assert.Empty(await NewEventsAsync(before));

            Assert.IsType<Outcome<SignpostingReferral>.Done>(await move.ByStaffAsync(c, suggested, new(SignpostingReferralStatus.Referred, today, null, v), [], default));
            await AssertOneEventAsync(before, DomainEventTypes.SignpostingReferralSent, app.World.InScope, $"/partner/referrals/{suggested}", psychologist.Id,
                suggested, app.World.Partner.Id);
        }

        before = await EventIdsAsync();
        await using (var s = HandlerScope.As(app, partner, StaffRole.PartnerAgency))
        {
            var move = s.Get<RecordSignpostingMove>();
            var v = await SignpostingVersionAsync(referred);
            Assert.IsType<Outcome<SignpostingReferral>.Invalid>(await move.ByPartnerAsync(s.Who, referred, new(SignpostingReferralStatus.Declined, today, " ", v), [], default));
            Assert.Empty(await NewEventsAsync(before));
            Assert.IsType<Outcome<SignpostingReferral>.Done>(await move.ByPartnerAsync(s.Who, referred, new(SignpostingReferralStatus.Accepted, today, null, v), [], default));
            await AssertOneEventAsync(before, DomainEventTypes.SignpostingReferralReplied, app.World.InScope,
                $"/cases/{app.World.InScope.Id}/signposting/{referred}", partner.Id, referred, psychologist.Id);
        }
    }

    private Task<Assessment> SubmittedAsync(Guid authorId) => AssessmentAsync(authorId, AssessmentStatus.Submitted, complete: false);

    /// <summary>An assessment on the in-scope case; <paramref name="complete"/> fills every section submission needs.</summary>
    private Task<Assessment> AssessmentAsync(Guid authorId, AssessmentStatus status, bool complete) => app.Factory.WithDbAsync(async db =>
    {
        var a = new Assessment
        {
            CaseId = app.World.InScope.Id, Status = status, AssessmentDate = new DateOnly(2026, 11, 2), AuthorId = authorId,
            CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = status == AssessmentStatus.Draft ? null : DateTimeOffset.UtcNow,
        };
        a.SeriesId = a.Id;
        if (complete)
            a.Fields.AddRange(AssessmentSections.RequiredForSubmission.Select(sec => new AssessmentField { AssessmentId = a.Id, Key = sec.Fields.First().Key, Text = $"Text for {sec.Title}" }));
        db.Assessments.Add(a);
        await db.SaveChangesAsync();
        return a;
    });

    /// <summary>
    /// A complete care plan (all text, agreement, review date, a goal, an action and a skill, but for <paramref name="withoutKey"/>)
    /// on a case of its own, so the tests do not depend on one another or on the world's plans.
    /// </summary>
    private Task<(Guid CaseId, CarePlan Plan)> CarePlanAsync(CarePlanStatus status, string? withoutKey = null, Guid? signedBy = null) => app.Factory.WithDbAsync(async db =>
    {
        var source = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == app.World.InScope.Id);
        var c = new CaseRecord
        {
            Crn = $"X{Random.Shared.Next(100000, 999999)}", GivenName = "Handler", FamilyName = "Events", DateOfBirth = source.DateOfBirth,
            TeamId = source.TeamId, OffenderManagerId = source.OffenderManagerId, CreatedAt = source.CreatedAt,
        };
        db.Cases.Add(c);
        var plan = new CarePlan
        {
            CaseId = c.Id, Number = 1, Status = status, Reason = "First plan", CreatedById = app.World.Users[StaffRole.Psychologist].Id, CreatedAt = source.CreatedAt,
            Agreement = PersonAgreement.Agreed, ReviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3),
            SignedById = signedBy, SignedAt = signedBy is null ? null : DateTimeOffset.UtcNow,
        };
        foreach (var f in CarePlanFields.All.Where(f => f.Section != CarePlanSection.NotToBeDisclosed && f.Key != withoutKey && !f.Legacy))
            plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = f.Key, Text = $"Draft text for {f.Key}" });
        db.CarePlans.Add(plan);
        var goal = new CarePlanGoal
        {
            CarePlanId = plan.Id, Area = NeedArea.Relationships, InOwnWords = "Own words", Smart = "SMART",
            TargetDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4), Status = GoalStatus.Active, CreatedAt = source.CreatedAt,
        };
        goal.SeriesId = goal.Id;
        db.CarePlanGoals.Add(goal);
        var action = new CarePlanAction { CarePlanId = plan.Id, What = "Action", Who = "PD service", When = "Weekly", Status = ActionStatus.InProgress, CreatedAt = source.CreatedAt };
        action.SeriesId = action.Id;
        db.CarePlanActions.Add(action);
        db.CarePlanSkills.Add(new CarePlanSkill { CarePlanId = plan.Id, SkillCode = "tip" });
        await db.SaveChangesAsync();
        return (c.Id, plan);
    });

    /// <summary>
    /// A case of its own on licence today (its psychologist and offender manager the world's), with a consideration in
    /// <paramref name="status"/> (none when null) that has everything a decision needs (but why no alternatives were tried, unless <paramref name="complete"/>), the psychologist's advice only if
    /// <paramref name="consulted"/>, and — awaiting countersignature — a fixed-term decision by <paramref name="decidedBy"/>.
    /// </summary>
    private async Task<(Guid CaseId, Guid ConsiderationId)> RecallAsync(RecallConsiderationStatus? status, bool consulted = true, Guid? decidedBy = null, bool complete = true)
    {
        var caseId = await ContactTests.NewCaseAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var om = app.World.Users[StaffRole.OffenderManager].Id;
        var rid = await app.Factory.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            c.OffenderManagerId = om;
            c.PsychologistId = app.World.Users[StaffRole.Psychologist].Id;
            var licence = new Licence
            {
                CaseId = caseId, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 30, ReleaseDate = today.AddDays(-100),
                LicenceExpiryDate = today.AddDays(300), SentenceExpiryDate = today.AddDays(300), StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Licences.Add(licence);
            if (status is not { } st)
            {
                await db.SaveChangesAsync();
                return Guid.Empty;
            }
            var decided = st == RecallConsiderationStatus.AwaitingCountersignature;
            var r = new RecallConsideration
            {
                CaseId = caseId, LicenceId = licence.Id, Status = st, Concern = RecallConcern.ContactStopped, Circumstances = "Missed appointments",
                RiskSummary = "Unchanged", BreachedConditions = [new LinkedCondition { Ref = "S:test", Text = "Keep in touch" }],
                NoAlternativesReason = complete ? "First concern" : null, StartedById = om, CreatedAt = DateTimeOffset.UtcNow,
                ConsultationRequestedAt = DateTimeOffset.UtcNow,
                ConsultationAdvice = consulted ? "Recall if contact does not resume this week." : null,
                ConsultedById = consulted ? app.World.Users[StaffRole.Psychologist].Id : null, ConsultedAt = consulted ? DateTimeOffset.UtcNow : null,
                SubmittedAt = st == RecallConsiderationStatus.InProgress ? null : DateTimeOffset.UtcNow, SubmittedById = st == RecallConsiderationStatus.InProgress ? null : om,
                OversightRationale = decided ? "Contact stopped" : null, Decision = decided ? RecallDecisionKind.FixedTermRecall : null,
                DecidedById = decided ? decidedBy : null, DecidedAt = decided ? DateTimeOffset.UtcNow : null,
                RegimeRoute = decided ? RecallRoute.FixedTermMandatory : null, RegimeAssessedOn = decided ? today : null, FixedTermDays = decided ? 14 : null,
            };
            db.RecallConsiderations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return (caseId, rid);
    }

    private Task<int> RecallVersionAsync(Guid id) => app.Factory.WithDbAsync(db => db.RecallConsiderations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

    private ConsultationDetails Held(DateOnly heldOn, IReadOnlyList<ActionDetails> actions) =>
        new(heldOn, [app.World.Users[StaffRole.Psychologist].Id], [], "What helps him keep appointments?", "Keep contact predictable.", null, actions);

    private NewSignpostingReferral Signposting(bool consented, bool send) => new(app.World.DirectoryService.Id, NeedArea.EmotionalRegulation,
        "Wants help managing anger in groups.", null, "Through his offender manager", consented, send);

    private Task<int> SignpostingVersionAsync(Guid id) => app.Factory.WithDbAsync(db => db.SignpostingReferrals.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

    private Task<HashSet<Guid>> EventIdsAsync() => app.Factory.WithDbAsync(async db => (await db.OutboxEvents.Select(e => e.Id).ToListAsync()).ToHashSet());

    private Task<List<OutboxEvent>> NewEventsAsync(HashSet<Guid> before) =>
        app.Factory.WithDbAsync(async db => (await db.OutboxEvents.AsNoTracking().ToListAsync()).Where(e => !before.Contains(e.Id)).ToList());

    /// <summary>Exactly one new event, committed (read through another context) with its deliveries, and the ids it should carry.</summary>
    private async Task AssertOneEventAsync(HashSet<Guid> before, string type, CaseRecord about, string detailPath, Guid actor, params Guid[] carries) =>
        Assert.Equal(about.Crn, (await AssertOneEventAsync(before, type, about.Id, detailPath, actor, carries)).Crn);

    /// <summary>The event's type, case, detail path, actor, the ids it carries and its pending deliveries.</summary>
    private async Task<OutboxEvent> AssertOneEventAsync(HashSet<Guid> before, string type, Guid caseId, string detailPath, Guid actor, params Guid[] carries)
    {
        var e = Assert.Single(await NewEventsAsync(before));
        Assert.Equal((type, (Guid?)caseId, detailPath, (Guid?)actor), (e.EventType, e.CaseId, e.DetailPath, e.ActorId));
        Assert.All(carries, id => Assert.Contains(id.ToString(), e.AdditionalInformation, StringComparison.Ordinal));
        await AssertPendingDeliveriesAsync(e.Id);
        return e;
    }

    /// <summary>The event waits to be delivered on every channel.</summary>
    private async Task AssertPendingDeliveriesAsync(Guid eventId)
    {
        var channels = await app.Factory.WithDbAsync(db => db.OutboxDeliveries.Where(d => d.EventId == eventId && d.Status == DeliveryStatus.Pending).Select(d => d.Channel).ToListAsync());
        Assert.Equal(Channels.All.Order(), channels.Order());
    }
}

public sealed class HandlerEventTestsSqlite(SqliteApp app) : HandlerEventTests(app), IClassFixture<SqliteApp>;

public sealed class HandlerEventTestsPostgres(PostgresApp app) : HandlerEventTests(app), IClassFixture<PostgresApp>;
