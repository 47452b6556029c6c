using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Risk;

namespace Pathway.Data.Seeding;

/// <summary>
/// A countersigned, locked specialist assessment with an OGRS3 score, risk scenarios, a formulation, needs and
/// recommendations on one demo case, and a draft on another — so the demo shows the whole assessment area. The person
/// and every detail are invented.
/// </summary>
public static class DemoAssessments
{
    public static void Add(PathwayDbContext db, CaseRecord locked, CaseRecord draft, Guid psychologistId, Guid clinicalLeadId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var score = Ogrs3Score.From(locked.Id, new Ogrs3Inputs(
            locked.Gender == Domain.Cases.Gender.Female ? Ogrs3Sex.Female : Ogrs3Sex.Male, locked.DateOfBirth,
            today.AddYears(-3), locked.DateOfBirth.AddYears(15), 7, Ogrs3OffenceCategory.Violence, today.AddDays(-30)), psychologistId, now.AddDays(-30));
        db.Ogrs3Scores.Add(score);

        var done = new Assessment
        {
            CaseId = locked.Id, Status = AssessmentStatus.Locked, AssessmentDate = today.AddDays(-30), AuthorId = psychologistId,
            Ogrs3ScoreId = score.Id, SubmittedAt = now.AddDays(-25), CountersignedById = clinicalLeadId, CountersignedAt = now.AddDays(-21),
            CreatedAt = now.AddDays(-40), UpdatedAt = now.AddDays(-21), Version = 3,
        };
        done.SeriesId = done.Id;
        foreach (var (key, text) in LockedText()) done.Fields.Add(new AssessmentField { AssessmentId = done.Id, Key = key, Text = text });
        done.Needs.AddRange(
        [
            new AssessmentNeed { AssessmentId = done.Id, Area = NeedArea.EmotionalRegulation, Priority = NeedPriority.High, Detail = "Skills for intense anger and shame; DBT-informed group if available locally" },
            new AssessmentNeed { AssessmentId = done.Id, Area = NeedArea.Accommodation, Priority = NeedPriority.High, Detail = "Move-on accommodation from the approved premises within three months" },
            new AssessmentNeed { AssessmentId = done.Id, Area = NeedArea.SubstanceUse, Priority = NeedPriority.Medium, Detail = "Alcohol use when distressed; open to community alcohol service" },
            new AssessmentNeed { AssessmentId = done.Id, Area = NeedArea.EmploymentAndTraining, Priority = NeedPriority.Low, Detail = "Interested in a construction skills course once settled" },
        ]);
        db.Assessments.Add(done);
        db.AssessmentWithheldInformation.Add(new AssessmentWithheldInformation
        {
            AssessmentId = done.Id,
            Text = "Police intelligence (not to be shared) suggests contact with a former partner who is a named victim; being checked by the PPU.",
        });

        var started = new Assessment
        {
            CaseId = draft.Id, Status = AssessmentStatus.Draft, AssessmentDate = today.AddDays(-3), AuthorId = psychologistId,
            CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-3), Version = 1,
        };
        started.SeriesId = started.Id;
        started.Fields.Add(new AssessmentField { AssessmentId = started.Id, Key = "sources.interviews", Text = "Two interviews at the probation office; the offender manager's notes." });
        db.Assessments.Add(started);
    }

    /// <summary>
    /// A locked assessment with a formulation and no care plan yet, on an approved-premises resident allocated to the
    /// demo psychologist: the starting point for "write a plan from a formulation". Invented, like every demo person.
    /// </summary>
    public static void AddReadyForCarePlan(PathwayDbContext db, CaseRecord c, Guid psychologistId, Guid clinicalLeadId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var done = new Assessment
        {
            CaseId = c.Id, Status = AssessmentStatus.Locked, AssessmentDate = today.AddDays(-12), AuthorId = psychologistId,
            SubmittedAt = now.AddDays(-9), CountersignedById = clinicalLeadId, CountersignedAt = now.AddDays(-7),
            CreatedAt = now.AddDays(-20), UpdatedAt = now.AddDays(-7), Version = 3,
        };
        done.SeriesId = done.Id;
        var overrides = new Dictionary<string, string>
        {
            ["offending.index"] = "Threats to kill made to a hostel worker after an eviction notice.",
            ["offending.pattern"] = "Threats and damage follow feeling abandoned or controlled; worse after nights without sleep.",
            ["health.self-harm"] = "Overdoses in their early twenties after break-ups; cutting when alone at night, most recently in custody.",
            ["presentation.behaviour"] = "Phones staff many times when anxious; leaves the building at night after arguments.",
            ["presentation.emotions"] = "Panic and rage close together; emptiness between crises.",
            ["presentation.thinking"] = "'Everyone leaves in the end'; all-or-nothing views of staff, who are either 'on my side' or 'against me'.",
            ["presentation.relationships"] = "Attaches quickly to one worker and feels betrayed by changes of worker or rota.",
            ["formulation.presenting"] = "Threats and self-harm when a relationship or placement seems about to end.",
            ["formulation.predisposing"] = "Removed from home at 7; many placement moves; an early sense that care is always temporary.",
            ["formulation.precipitating"] = "Endings and changes: a worker leaving, a move-on date, a cancelled appointment.",
            ["formulation.perpetuating"] = "Services ending contact after crises; nights alone; cannabis to sleep.",
            ["formulation.protective"] = "A long-standing friend; wants to train as a chef; responds well to warm, predictable limits.",
            ["formulation.narrative"] = "Endings feel like proof that everyone leaves. Panic turns to rage or to self-harm, which brings people close for a while and then pushes them away. Planned endings, announced early and talked through, break the cycle.",
            ["recommendations.probation"] = "Announce changes of worker early and in person; keep one named contact at the AP; plan endings together.",
            ["recommendations.alternatives"] = "A planned three-way meeting with the AP key worker, extra reporting for two weeks, and the crisis line before considering recall.",
        };
        foreach (var (key, text) in LockedText(overrides)) done.Fields.Add(new AssessmentField { AssessmentId = done.Id, Key = key, Text = text });
        done.Needs.AddRange(
        [
            new AssessmentNeed { AssessmentId = done.Id, Area = NeedArea.EmotionalRegulation, Priority = NeedPriority.High, Detail = "Distress tolerance for endings and nights alone" },
            new AssessmentNeed { AssessmentId = done.Id, Area = NeedArea.Relationships, Priority = NeedPriority.High, Detail = "Planned, talked-through endings with workers" },
            new AssessmentNeed { AssessmentId = done.Id, Area = NeedArea.EmploymentAndTraining, Priority = NeedPriority.Medium, Detail = "Catering course when settled" },
        ]);
        db.Assessments.Add(done);
    }

    private static IEnumerable<(string Key, string Text)> LockedText(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var text = new Dictionary<string, string>
        {
            ["history.development"] = "Grew up with a parent who drank heavily; several moves and periods in foster care from age 9.",
            ["history.education"] = "Excluded from secondary school at 14; short periods of labouring work since.",
            ["history.relationships"] = "Intense, short relationships; close to one sister; little contact with others in the family.",
            ["offending.history"] = "Seven previous sanctions, mostly violence and criminal damage when intoxicated, from age 15.",
            ["offending.index"] = "Assault causing actual bodily harm on an acquaintance after an argument in a pub.",
            ["offending.pattern"] = "Violence follows perceived humiliation or rejection, usually when drinking; rarely planned.",
            ["health.mental"] = "Low mood and anxiety since adolescence; no psychiatric admissions; meets criteria for emotionally unstable personality disorder on interview.",
            ["health.substance"] = "Alcohol to manage distress; no current drug use reported.",
            ["health.self-harm"] = "Cutting in adolescence and once in custody after a family visit was cancelled; no suicide attempts.",
            ["presentation.behaviour"] = "Walks out of appointments when frustrated; misses contact after bad news.",
            ["presentation.emotions"] = "Rapid shifts to anger or shame; slow to calm.",
            ["presentation.thinking"] = "Expects to be let down or judged; reads neutral remarks as criticism.",
            ["presentation.relationships"] = "Wants closeness but pushes people away when afraid of rejection.",
            ["risk.actuarial"] = "OGRS3 as linked; OVP not available.",
            ["risk.spj"] = "HCR-20 V3 rated by the author (see the screening record): historical items largely present; clinical items partial.",
            ["risk.protective"] = "Sister's support; engagement with the AP key worker; wish to stay out of custody.",
            ["formulation.presenting"] = "Anger and walking out when he feels criticised; drinking after conflict.",
            ["formulation.predisposing"] = "Early neglect and inconsistent care; learned that others leave or hurt.",
            ["formulation.precipitating"] = "Perceived rejection or humiliation, especially in front of others.",
            ["formulation.perpetuating"] = "Alcohol, isolation, and responses from services that feel punitive.",
            ["formulation.protective"] = "Sister, stable AP placement, a worker he trusts.",
            ["formulation.narrative"] = "When he feels rejected, shame becomes anger; drinking and walking out bring relief but lead to breaches and more rejection. Predictable, warm, firm contact breaks the cycle.",
            ["recommendations.probation"] = "Keep appointments at the same time and place; name the feeling before the problem; agree one response with the AP.",
            ["recommendations.alternatives"] = "Increased reporting, a three-way meeting with the AP key worker, and a referral to the community alcohol service before considering recall.",
            ["sources.interviews"] = "Three interviews (two at the AP, one at the probation office), about four hours in all.",
            ["sources.records"] = "Probation records, pre-sentence report, custody psychology notes, AP key-work notes.",
            ["sources.limitations"] = "No school or health records were available; his account of childhood could not be checked.",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) text[key] = value;
        foreach (var s in AssessmentSections.RequiredForSubmission)
        {
            foreach (var f in s.Fields)
            {
                if (text.TryGetValue(f.Key, out var t)) yield return (f.Key, t);
                else if (f.Kind == FieldKind.Rating) yield return (f.Key, f.Key.Contains(".escalation.", StringComparison.Ordinal) ? "medium" : "low");
                else if (f.Key.StartsWith("risk.scenario.", StringComparison.Ordinal)) yield return (f.Key, ScenarioText(f.Key));
                else yield return (f.Key, "See the author's notes; nothing further of note.");
            }
        }
    }

    private static string ScenarioText(string key) => key.Split('.')[2] switch
    {
        "repeat" when key.EndsWith(".victims", StringComparison.Ordinal) => "Acquaintances in pubs",
        "repeat" => "A fight after feeling humiliated while drinking",
        var other when key.EndsWith(".victims", StringComparison.Ordinal) => other == "improvement" ? "None" : "A partner or AP resident",
        "twist" => "Threats towards AP staff after a refusal",
        "escalation" => "A serious assault on a partner during a break-up",
        _ => "Leaves when angry and calls his key worker instead",
    };
}
