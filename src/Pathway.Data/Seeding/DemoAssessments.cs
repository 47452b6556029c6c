using Pathway.Data.Entities;
using Pathway.Domain.Assessments;

namespace Pathway.Data.Seeding;

/// <summary>
/// The text of the demo's specialist assessments: a locked, countersigned assessment with risk scenarios, a formulation,
/// needs and recommendations, and a draft. Each persona (see <c>Personas/</c>) says when its assessment was written,
/// submitted and countersigned; the person and every detail are invented.
/// </summary>
internal static class DemoAssessments
{
    /// <summary>
    /// A locked assessment: started on <paramref name="startedAt"/>, dated <paramref name="assessedOn"/> (the interviews),
    /// submitted and then countersigned by the clinical lead. <paramref name="overrides"/> replace the default text.
    /// </summary>
    public static Assessment Locked(PathwayDbContext db, CaseRecord c, Guid psychologistId, Guid clinicalLeadId, DateOnly assessedOn,
        DateTimeOffset startedAt, DateTimeOffset submittedAt, DateTimeOffset countersignedAt, IReadOnlyList<AssessmentNeed> needs,
        IReadOnlyDictionary<string, string>? overrides = null, Guid? ogrs3ScoreId = null)
    {
        if (!(startedAt < submittedAt && submittedAt < countersignedAt)) throw new ArgumentException($"Assessment dates out of order for {c.Crn}");
        var done = new Assessment
        {
            CaseId = c.Id, Status = AssessmentStatus.Locked, AssessmentDate = assessedOn, AuthorId = psychologistId, Ogrs3ScoreId = ogrs3ScoreId,
            SubmittedAt = submittedAt, CountersignedById = clinicalLeadId, CountersignedAt = countersignedAt,
            CreatedAt = startedAt, UpdatedAt = countersignedAt, Version = 3,
        };
        done.SeriesId = done.Id;
        foreach (var (key, text) in LockedText(overrides)) done.Fields.Add(new AssessmentField { AssessmentId = done.Id, Key = key, Text = text });
        foreach (var n in needs) n.AssessmentId = done.Id;
        done.Needs.AddRange(needs);
        db.Assessments.Add(done);
        return done;
    }

    /// <summary>A draft assessment with only its sources written so far.</summary>
    public static Assessment Draft(PathwayDbContext db, CaseRecord c, Guid psychologistId, DateOnly assessedOn, DateTimeOffset startedAt)
    {
        var started = new Assessment
        {
            CaseId = c.Id, Status = AssessmentStatus.Draft, AssessmentDate = assessedOn, AuthorId = psychologistId,
            CreatedAt = startedAt, UpdatedAt = startedAt, Version = 1,
        };
        started.SeriesId = started.Id;
        started.Fields.Add(new AssessmentField { AssessmentId = started.Id, Key = "sources.interviews", Text = "Two interviews at the probation office; the offender manager's notes." });
        db.Assessments.Add(started);
        return started;
    }

    /// <summary>Needs as the assessment records them.</summary>
    public static AssessmentNeed Need(NeedArea area, NeedPriority priority, string detail) => new() { Area = area, Priority = priority, Detail = detail };

    /// <summary>The formulation of the approved-premises resident who has no care plan yet (endings and abandonment).</summary>
    public static readonly IReadOnlyDictionary<string, string> EndingsFormulation = new Dictionary<string, string>
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

    /// <summary>For someone living in their own tenancy rather than at the approved premises.</summary>
    public static readonly IReadOnlyDictionary<string, string> InTheCommunity = new Dictionary<string, string>
    {
        ["risk.protective"] = "Sister's support; a tenancy he wants to keep; wish to stay out of custody.",
        ["formulation.protective"] = "Sister, his own flat, a worker he trusts.",
        ["recommendations.probation"] = "Keep appointments at the same time and place; name the feeling before the problem; agree one response with the psychologist.",
        ["recommendations.alternatives"] = "Increased reporting, a three-way meeting with the psychologist, and a referral to the community alcohol service before considering recall.",
        ["sources.interviews"] = "Three interviews (two in custody before release, one at the probation office), about four hours in all.",
        ["sources.records"] = "Probation records, pre-sentence report, custody psychology notes.",
    };

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
