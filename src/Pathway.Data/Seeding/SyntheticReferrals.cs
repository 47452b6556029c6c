using Pathway.Data.Entities;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding;

/// <summary>Invented referrals with believable stage histories, for the demo and the national-scale generator.</summary>
public static class SyntheticReferrals
{
    private static readonly string[] Reasons =
    [
        "Angry outbursts in supervision are escalating and AP staff feel threatened.",
        "Repeated self-harm after contact with family; I am unsure how to respond.",
        "Missed appointments and chaotic presentation; recall is being considered for minor breaches.",
        "Very suspicious of professionals and refuses to engage with the licence conditions work.",
        "Intense, unstable relationships and threats towards an ex-partner.",
    ];

    private static readonly string[] Questions =
    [
        "How can we respond to outbursts without escalating them?",
        "What should we look out for, and how do we keep supervision going?",
        "Is there a better response than recall to these breaches?",
        "How do I build enough trust to do the work?",
    ];

    /// <summary>
    /// A referral made at <paramref name="referredAt"/> that has walked the route to <paramref name="stage"/>, spending a
    /// few weeks in each stage (the last move no later than <paramref name="now"/>). Terminal stages other than Closed
    /// are reached from an early stage, with a reason. With <paramref name="stageTimes"/> (one per stage on the way, the
    /// first being the referral), each stage is entered at its own time instead, as the demo's story dates them.
    /// </summary>
    public static Referral Make(Random rng, CaseRecord c, Guid referredBy, Guid? psychologist, DateTimeOffset referredAt, PathwayStage stage, DateTimeOffset now,
        IReadOnlyList<DateTimeOffset>? stageTimes = null, string? endReason = null)
    {
        var r = new Referral
        {
            CaseId = c.Id, ReferredById = referredBy, ReferredAt = referredAt, Reason = Reasons[rng.Next(Reasons.Length)], Questions = Questions[rng.Next(Questions.Length)],
            ConcernsBehaviour = rng.NextDouble() < 0.8 ? "Shouting and slamming doors when told no; one incident of self-harm." : null,
            ConcernsEmotions = rng.NextDouble() < 0.6 ? "Mood changes quickly; feels rejected easily." : null,
            ConcernsThinking = rng.NextDouble() < 0.4 ? "Sees staff as against him; black-and-white thinking." : null,
            ConcernsRelationships = rng.NextDouble() < 0.5 ? "Conflict with partner and family." : null,
            Urgency = rng.NextDouble() switch { < 0.15 => ReferralUrgency.Urgent, < 0.45 => ReferralUrgency.Soon, _ => ReferralUrgency.Routine },
            SharingBasis = rng.NextDouble() < 0.85 ? SharingBasis.AgreedToSharing : SharingBasis.SharedWithoutAgreement,
            CreatedAt = referredAt, UpdatedAt = referredAt, Version = 1,
        };
        if (r.ConcernsBehaviour is null && r.ConcernsEmotions is null) r.ConcernsEmotions = "Low mood and hopelessness.";
        r.LawfulBasis = LawfulBasis.PublicTaskHealthAndCare;
        if (r.SharingBasis == SharingBasis.SharedWithoutAgreement)
            r.LawfulBasisNote = "He declined; shared to help manage a risk of serious harm to others, in the public interest.";
        if (psychologist is { } p && stage != PathwayStage.Referred)
        {
            r.AllocatedPsychologistId = p;
            r.AllocatedAt = stageTimes is { Count: > 1 } ? stageTimes[1].AddHours(-2) : referredAt.AddDays(rng.Next(1, 8));
        }

        var path = stage switch
        {
            PathwayStage.NotSuitable => new[] { PathwayStage.Referred, PathwayStage.Consultation, PathwayStage.Screening, PathwayStage.NotSuitable },
            PathwayStage.Withdrawn => [PathwayStage.Referred, PathwayStage.Consultation, PathwayStage.Withdrawn],
            _ => PathwayStages.Route.TakeWhile(s => s <= stage).ToArray(),
        };
        if (stageTimes is not null && stageTimes.Count != path.Length)
            throw new ArgumentException($"{path.Length} stage times are needed to reach {stage}, not {stageTimes.Count}", nameof(stageTimes));
        var span = Math.Max(1.0, (now - referredAt).TotalDays);
        var step = span / path.Length;
        PathwayStage? from = null;
        for (var i = 0; i < path.Length; i++)
        {
            var at = stageTimes?[i] ?? referredAt.AddDays(Math.Floor(step * i));
            var reason = i == path.Length - 1 && endReason is not null ? endReason : path[i] switch
            {
                PathwayStage.NotSuitable => "Screened out: difficulties are better explained by substance misuse; signposted to the drug and alcohol service.",
                PathwayStage.Withdrawn => "Recalled to custody.",
                _ => null,
            };
            r.StageChanges.Add(new PathwayStageChange { ReferralId = r.Id, From = from, To = path[i], At = at, ById = i == 0 ? referredBy : psychologist ?? referredBy, Reason = reason });
            r.Stage = path[i];
            r.StageEnteredAt = at;
            from = path[i];
        }
        if (r.Stage.IsTerminal()) r.EndedAt = r.StageEnteredAt;
        return r;
    }
}
