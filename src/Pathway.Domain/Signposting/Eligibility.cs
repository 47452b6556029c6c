using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Signposting;

/// <summary>
/// Who a directory service will take. Every rule is optional: an empty set or a null bound means "no restriction".
/// <list type="bullet">
/// <item><see cref="Genders"/>: the genders accepted (for example a women's service).</item>
/// <item><see cref="MinimumAge"/>/<see cref="MaximumAge"/>: inclusive age range in whole years.</item>
/// <item><see cref="AreasServed"/>: postcode areas or districts (<c>NE</c>, <c>NE6</c>); the person's postcode must fall in one.
/// <see cref="AreasExcluded"/> carves districts out of a served area (<c>NE</c> served, <c>NE66</c> not).</item>
/// <item><see cref="RoshCeiling"/>: the highest risk of serious harm the service can safely take.</item>
/// <item><see cref="Exclusions"/>: risk flags the service will not accept (arson for shared housing, sexual offending…).</item>
/// <item><see cref="RequiresGpRegistration"/>: the person must be registered with a GP (many primary and secondary care routes).</item>
/// </list>
/// </summary>
public sealed record Eligibility(
    IReadOnlySet<Gender> Genders,
    int? MinimumAge,
    int? MaximumAge,
    IReadOnlyList<string> AreasServed,
    IReadOnlyList<string> AreasExcluded,
    RoshLevel? RoshCeiling,
    RiskFlag Exclusions,
    bool RequiresGpRegistration)
{
    public static Eligibility Anyone { get; } = new(new HashSet<Gender>(), null, null, [], [], null, RiskFlag.None, false);

    public const int YoungestAge = 16;
    public const int OldestAge = 120;
}

/// <summary>Checks an eligibility for rules that cannot all be true at once, so a contradictory entry is refused when saved.</summary>
public static class EligibilityRules
{
    public static IReadOnlyList<FieldError> Validate(Eligibility e)
    {
        var errors = new List<FieldError>();
        if (e.MinimumAge is { } min && (min < Eligibility.YoungestAge || min > Eligibility.OldestAge))
            errors.Add(new("MinimumAge", $"Minimum age must be between {Eligibility.YoungestAge} and {Eligibility.OldestAge}"));
        if (e.MaximumAge is { } max && (max < Eligibility.YoungestAge || max > Eligibility.OldestAge))
            errors.Add(new("MaximumAge", $"Maximum age must be between {Eligibility.YoungestAge} and {Eligibility.OldestAge}"));
        if (e.MinimumAge is { } lo && e.MaximumAge is { } hi && lo > hi)
            errors.Add(new("MaximumAge", $"Maximum age ({hi}) cannot be lower than the minimum age ({lo}): nobody could be referred"));

        var served = new List<string>();
        foreach (var a in e.AreasServed)
        {
            if (!PostcodeAreas.TryNormalise(a, out var area)) errors.Add(new("AreasServed", $"\"{a}\" is not a postcode area or district, like NE or NE6"));
            else if (served.Contains(area)) errors.Add(new("AreasServed", $"{area} is listed twice"));
            else served.Add(area);
        }
        var excluded = new List<string>();
        foreach (var a in e.AreasExcluded)
        {
            if (!PostcodeAreas.TryNormalise(a, out var area)) { errors.Add(new("AreasExcluded", $"\"{a}\" is not a postcode area or district, like NE or NE6")); continue; }
            if (excluded.Contains(area)) { errors.Add(new("AreasExcluded", $"{area} is listed twice")); continue; }
            excluded.Add(area);
            if (served.Contains(area))
                errors.Add(new("AreasExcluded", $"{area} is both served and excluded"));
            else if (served.Count > 0 && !served.Any(s => PostcodeAreas.Covers(s, area)))
                errors.Add(new("AreasExcluded", $"{area} is excluded but is not inside any area served; remove it"));
        }
        if (served.Count > 0 && served.All(s => excluded.Any(x => PostcodeAreas.Covers(x, s))))
            errors.Add(new("AreasExcluded", "Every area served is also excluded: nobody could be referred"));
        return errors;
    }
}
