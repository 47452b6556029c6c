using Pathway.Domain.Assessments;
using Pathway.Domain.Cases;

namespace Pathway.Domain.Signposting;

/// <summary>What matching needs to know about the person. Null means not known: it is shown as something to check, never guessed.</summary>
public sealed record PersonFacts(
    Gender Gender,
    DateOnly DateOfBirth,
    string? Postcode,
    RoshLevel Rosh,
    RiskFlag Flags,
    bool? RegisteredWithGp);

/// <summary>A directory service as matching sees it.</summary>
public sealed record ServiceListing(
    Guid Id,
    string Name,
    string Organisation,
    IReadOnlySet<NeedArea> NeedsMet,
    Eligibility Eligibility,
    bool OpenToReferrals,
    int? WaitingWeeks,
    DateOnly? LastVerifiedOn);

/// <summary>One reason a service fits, does not fit, or needs checking. Reasons are plain sentences for staff.</summary>
public sealed record MatchReason(MatchReasonKind Kind, string Text);

public enum MatchReasonKind
{
    Fits,
    Check,
    Excludes,
}

public sealed record ServiceMatch(ServiceListing Service, bool Eligible, IReadOnlyList<MatchReason> Reasons)
{
    public IEnumerable<MatchReason> Fits => Reasons.Where(r => r.Kind == MatchReasonKind.Fits);
    public IEnumerable<MatchReason> Checks => Reasons.Where(r => r.Kind == MatchReasonKind.Check);
    public IEnumerable<MatchReason> Excludes => Reasons.Where(r => r.Kind == MatchReasonKind.Excludes);
}

/// <summary>For one need: the eligible services best first, the others with why not, and whether the need is unmet.</summary>
public sealed record NeedMatches(NeedArea Need, IReadOnlyList<ServiceMatch> Eligible, IReadOnlyList<ServiceMatch> NotEligible)
{
    /// <summary>No service in the directory can take this person for this need: record it as an unmet need.</summary>
    public bool Unmet => Eligible.Count == 0;
}

/// <summary>
/// Matches a person's assessed needs to directory services, explaining every decision so staff can trust the list.
/// <para>A service is eligible when it meets the need, is open to referrals and no rule excludes the person. Facts that are
/// not known (no postcode, GP registration not recorded, gender not stated) never exclude: they are shown as "check".</para>
/// <para>Ranking among eligible services: fewer things to check first (a sure fit beats a possible one); then a service
/// whose area list names the person's district or area over one that serves anywhere (local first); then the shorter
/// known waiting time (unknown waits last); then entries verified recently over stale ones; then by name, so the order is
/// stable.</para>
/// </summary>
public static class Matching
{
    public static IReadOnlyList<NeedMatches> Match(PersonFacts person, IEnumerable<NeedArea> needs, IReadOnlyList<ServiceListing> services, DateOnly today)
    {
        var result = new List<NeedMatches>();
        foreach (var need in needs.Distinct())
        {
            var assessed = services.Where(s => s.NeedsMet.Contains(need)).Select(s => Assess(person, s, need, today)).ToList();
            var eligible = assessed.Where(m => m.Eligible)
                .OrderBy(m => m.Checks.Count())
                .ThenBy(m => m.Service.Eligibility.AreasServed.Count == 0 ? 1 : 0)
                .ThenBy(m => m.Service.WaitingWeeks ?? int.MaxValue)
                .ThenBy(m => DirectoryVerification.IsStale(m.Service.LastVerifiedOn, today) ? 1 : 0)
                .ThenBy(m => m.Service.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var notEligible = assessed.Where(m => !m.Eligible).OrderBy(m => m.Service.Name, StringComparer.OrdinalIgnoreCase).ToList();
            result.Add(new NeedMatches(need, eligible, notEligible));
        }
        return result;
    }

    /// <summary>Every reason the service does or does not fit this person for this need.</summary>
    public static ServiceMatch Assess(PersonFacts person, ServiceListing service, NeedArea need, DateOnly today)
    {
        var reasons = new List<MatchReason>();
        var e = service.Eligibility;
        void Fits(string t) => reasons.Add(new(MatchReasonKind.Fits, t));
        void Check(string t) => reasons.Add(new(MatchReasonKind.Check, t));
        void Excludes(string t) => reasons.Add(new(MatchReasonKind.Excludes, t));

        if (service.NeedsMet.Contains(need)) Fits($"Meets the {AssessmentNames.DisplayName(need).ToLowerInvariant()} need");
        else Excludes($"Does not work with {AssessmentNames.DisplayName(need).ToLowerInvariant()}");

        if (!service.OpenToReferrals) Excludes("Closed to referrals");

        if (e.Genders.Count > 0)
        {
            var accepted = string.Join(" or ", e.Genders.Order().Select(g => Cases.Genders.DisplayName(g).ToLowerInvariant()));
            if (person.Gender == Gender.NotStated) Check($"Accepts {accepted} people only; the person's gender is not recorded");
            else if (e.Genders.Contains(person.Gender)) Fits($"Accepts {Cases.Genders.DisplayName(person.Gender).ToLowerInvariant()} people");
            else Excludes($"Accepts {accepted} people only");
        }

        var age = Age.On(person.DateOfBirth, today);
        if (e.MinimumAge is { } min && age < min) Excludes($"Minimum age is {min}; the person is {age}");
        else if (e.MaximumAge is { } max && age > max) Excludes($"Maximum age is {max}; the person is {age}");
        else if (e.MinimumAge is not null || e.MaximumAge is not null) Fits($"Age {age} is within {AgeRange(e)}");

        if (e.AreasServed.Count > 0 || e.AreasExcluded.Count > 0)
        {
            var district = PostcodeAreas.DistrictOf(person.Postcode);
            if (district is null) Check("Works only in some areas; the person has no postcode recorded");
            else if (e.AreasExcluded.FirstOrDefault(x => PostcodeAreas.Covers(x.ToUpperInvariant(), district)) is { } carved)
                Excludes($"Does not work in {carved.ToUpperInvariant()} (the person lives in {district})");
            else if (e.AreasServed.Count > 0 && !e.AreasServed.Any(a => PostcodeAreas.Covers(a.ToUpperInvariant(), district)))
                Excludes($"Works only in {string.Join(", ", e.AreasServed.Select(a => a.ToUpperInvariant()))} (the person lives in {district})");
            else if (e.AreasServed.Count > 0) Fits($"Works in {district}");
        }

        if (e.RoshCeiling is { } ceiling)
        {
            if (person.Rosh > ceiling)
                Excludes($"Takes people up to {RoshLevels.DisplayName(ceiling).ToLowerInvariant()} risk of serious harm; the person is {RoshLevels.DisplayName(person.Rosh).ToLowerInvariant()}");
            else Fits($"Takes {RoshLevels.DisplayName(person.Rosh).ToLowerInvariant()} risk of serious harm");
        }

        var excluded = person.Flags & e.Exclusions;
        foreach (var flag in RiskFlags.Split(excluded))
            Excludes($"Excludes {RiskFlags.DisplayName(flag).ToLowerInvariant()}");

        if (e.RequiresGpRegistration)
        {
            if (person.RegisteredWithGp is true) Fits("Registered with a GP, as the service requires");
            else if (person.RegisteredWithGp is false) Excludes("The person must be registered with a GP");
            else Check("The person must be registered with a GP; registration is not recorded");
        }

        if (service.WaitingWeeks is { } weeks) Fits(weeks == 0 ? "No waiting list" : $"Waiting time about {weeks} week{(weeks == 1 ? "" : "s")}");
        if (DirectoryVerification.IsStale(service.LastVerifiedOn, today))
            Check(service.LastVerifiedOn is { } v ? $"Directory entry last checked {v:d MMMM yyyy}: confirm details before referring" : "Directory entry never checked: confirm details before referring");

        return new ServiceMatch(service, !reasons.Any(r => r.Kind == MatchReasonKind.Excludes), reasons);
    }

    private static string AgeRange(Eligibility e) => (e.MinimumAge, e.MaximumAge) switch
    {
        ({ } lo, { } hi) => $"{lo} to {hi}",
        ({ } lo, null) => $"{lo} and over",
        (null, { } hi) => $"up to {hi}",
        _ => "any age",
    };
}
