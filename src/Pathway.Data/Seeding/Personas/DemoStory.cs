using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// What a demo persona's history is written with: the staff and the seed's clock, and small helpers that put each record
/// on its day in working hours. A persona file reads as a timeline in days before "today"; the helpers keep the
/// records consistent with one another (stage changes in order, contacts only while on licence in the community).
/// </summary>
internal sealed class DemoStory(PathwayDbContext db, IReadOnlyList<CaseRecord> cases, IReadOnlyDictionary<string, StaffUser> staff, DateOnly today, DateTimeOffset now)
{
    public PathwayDbContext Db { get; } = db;
    public DateOnly Today { get; } = today;
    public DateTimeOffset Now { get; } = now;
    public Guid Psychologist => staff["psychologist@pathway.example"].Id;
    public Guid ClinicalLead => staff["clinical.lead@pathway.example"].Id;
    public Guid OmNorth => staff["om.north@pathway.example"].Id;
    public Guid OmSouth => staff["om.south@pathway.example"].Id;
    public Guid SpoNorth => staff["spo.north@pathway.example"].Id;
    public Guid Spo2North => staff["spo2.north@pathway.example"].Id;
    public Guid ApWorker => staff["ap@pathway.example"].Id;

    public Guid Ap2Worker => staff["ap2@pathway.example"].Id;
    public Guid PoliceOfficer => staff["ppu@pathway.example"].Id;

    /// <summary>Actions agreed at a case's latest consultation for people other than the referrer, due in so many days.</summary>
    public List<(Guid CaseId, string Description, Guid OwnerId, int DueInDays)> ConsultationActions { get; } = [];

    /// <summary>Screening to run once referrals are saved: the case and when it was screened.</summary>
    public List<(CaseRecord Case, DateTimeOffset At)> Screenings { get; } = [];

    /// <summary>The day <paramref name="daysAgo"/> days before today (a weekday when <paramref name="weekday"/>).</summary>
    public DateOnly Day(int daysAgo, bool weekday = false) => weekday ? DemoTime.Weekday(Today.AddDays(-daysAgo)) : Today.AddDays(-daysAgo);

    /// <summary>A working-hours time <paramref name="daysAgo"/> days ago, varied by <paramref name="record"/>.</summary>
    public DateTimeOffset At(int daysAgo, int record = 0) => DemoTime.Working(Today.AddDays(-daysAgo), record);

    /// <summary>The demo case at <paramref name="index"/>, named as its persona (the name the generator gave it is kept in docs and tests).</summary>
    public CaseRecord Person(int index, string given, string family)
    {
        var c = cases[index];
        c.GivenName = given;
        c.FamilyName = family;
        c.RefreshSearchColumns();
        return c;
    }

    /// <summary>
    /// The person's current licence, <paramref name="releasedDaysAgo"/> days after release, replacing what the generator
    /// drew; an earlier licence is kept only when it ended before this release.
    /// </summary>
    public Licence Licence(CaseRecord c, int releasedDaysAgo, int sentenceMonths, string conditionSet, SentenceType type = SentenceType.StandardDeterminate)
    {
        var latest = c.Licences.MaxBy(l => l.ReleaseDate)!;
        var release = Day(releasedDaysAgo, weekday: true);
        c.Licences.RemoveAll(l => l != latest && (l.TopUpSupervisionEndDate ?? l.LicenceExpiryDate) >= release.AddDays(-30));
        latest.SentenceType = type;
        latest.SentenceLengthMonths = SentenceTypes.IsIndeterminate(type) ? null : sentenceMonths;
        latest.ReleaseDate = release;
        // Released at the halfway point: the licence runs to the end of the sentence. Under two years, top-up supervision follows.
        latest.LicenceExpiryDate = release.AddMonths(SentenceTypes.IsIndeterminate(type) ? 120 : sentenceMonths / 2);
        latest.SentenceExpiryDate = SentenceTypes.IsIndeterminate(type) ? null : latest.LicenceExpiryDate;
        latest.TopUpSupervisionEndDate = !SentenceTypes.IsIndeterminate(type) && sentenceMonths < 24 ? latest.LicenceExpiryDate.AddMonths(12) : null;
        latest.StandardConditionSetCode = conditionSet;
        latest.Recalls.Clear();
        return latest;
    }

    /// <summary>
    /// A referral made <paramref name="stageDaysAgo"/>[0] days ago that entered each later stage on its route on the
    /// following days, ending at <paramref name="stage"/>. Also sets the case's referral day and allocation.
    /// </summary>
    public Referral Refer(CaseRecord c, Random rng, PathwayStage stage, int[] stageDaysAgo, string? endReason = null)
    {
        for (var i = 1; i < stageDaysAgo.Length; i++)
            if (stageDaysAgo[i] > stageDaysAgo[i - 1]) throw new ArgumentException($"Stages out of order for {c.Crn}", nameof(stageDaysAgo));
        var times = stageDaysAgo.Select((d, i) => At(d, i)).ToList();
        c.ReferredToServiceOn = DateOnly.FromDateTime(times[0].UtcDateTime);
        if (stage == PathwayStage.Referred) c.PsychologistId = null;
        var referrer = c.OffenderManagerId ?? ClinicalLead;
        var r = SyntheticReferrals.Make(rng, c, referrer, stage == PathwayStage.Referred ? null : c.PsychologistId ?? ClinicalLead, times[0], stage, Now, times, endReason);
        Db.Referrals.Add(r);
        return r;
    }

    /// <summary>The day a referral entered <paramref name="stage"/>, if it did.</summary>
    public static DateTimeOffset? Entered(Referral r, PathwayStage stage) => r.StageChanges.FirstOrDefault(s => s.To == stage)?.At;

    /// <summary>Weekly contacts over the last 26 weeks while on licence in the community, up to <paramref name="lastDaysAgo"/> days ago if given.</summary>
    public void WeeklyContacts(CaseRecord c, Random rng, int? lastDaysAgo = null, double unacceptableShare = 0.04)
    {
        var last = lastDaysAgo is { } d ? Day(d) : DateOnly.MaxValue;
        Db.Contacts.AddRange(SyntheticCompliance.Contacts(c.Id, rng, Today, Now, 26, 7, unacceptableShare,
            day => day <= last && DemoTime.OnLicence(c, day)));
    }

    /// <summary>A contact on its day, recorded that day by <paramref name="by"/>.</summary>
    public Contact Contact(CaseRecord c, int daysAgo, ContactKind kind, ContactOutcome outcome, string? reason, Guid by)
    {
        var x = new Contact
        {
            CaseId = c.Id, Date = Day(daysAgo), Kind = kind, Outcome = outcome, Reason = reason, RecordedById = by,
            CreatedAt = At(daysAgo, 7), UpdatedAt = At(daysAgo, 7), Version = 1,
        };
        Db.Contacts.Add(x);
        return x;
    }

    public BehaviourOfConcern Concern(CaseRecord c, int daysAgo, ConcernType type, string description, Guid by, string? matchedSign = null)
    {
        var x = new BehaviourOfConcern
        {
            CaseId = c.Id, Date = Day(daysAgo), Type = type, Description = description, MatchedEarlyWarningSign = matchedSign, RecordedById = by,
            CreatedAt = At(daysAgo, 11),
        };
        Db.BehavioursOfConcern.Add(x);
        return x;
    }

    /// <summary>Standard condition <paramref name="number"/> of the licence's set, as a record links it.</summary>
    public static LinkedCondition Standard(Licence l, int number)
    {
        var condition = StandardConditionSets.All.Single(s => s.Code == l.StandardConditionSetCode).Conditions.Single(x => x.Number == number);
        return new LinkedCondition { Ref = "S:" + condition.Code, Text = $"Standard condition {number}: {condition.Text}" };
    }

    /// <summary>
    /// The standard condition about where the person lives. Found by its topic, not its number: the sets number their
    /// conditions differently (residence is 5 in the 2015 sets and 2 in HMPPS's policy V4).
    /// </summary>
    public static int ResidenceCondition(Licence l) =>
        StandardConditionSets.All.Single(s => s.Code == l.StandardConditionSetCode).About(StandardConditionTopic.Residence)!.Number;

    public WarningLetter WarningLetter(CaseRecord c, Licence l, int daysAgo, WarningLevel level, string circumstances, Guid by, params int[] conditions)
    {
        var x = new WarningLetter
        {
            CaseId = c.Id, LicenceId = l.Id, Level = level, IssuedOn = Day(daysAgo), IssuedById = by, CreatedAt = At(daysAgo, 13),
            Circumstances = circumstances, Conditions = conditions.Select(n => Standard(l, n)).ToList(),
        };
        Db.WarningLetters.Add(x);
        return x;
    }

    public Breach Breach(CaseRecord c, Licence l, int daysAgo, string description, Guid by, params int[] conditions)
    {
        var x = new Breach
        {
            CaseId = c.Id, LicenceId = l.Id, OccurredOn = Day(daysAgo), RecordedById = by, CreatedAt = At(daysAgo, 17),
            Description = description, Conditions = conditions.Select(n => Standard(l, n)).ToList(),
        };
        Db.Breaches.Add(x);
        return x;
    }
}
