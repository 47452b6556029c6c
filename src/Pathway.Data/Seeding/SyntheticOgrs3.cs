using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Risk;

namespace Pathway.Data.Seeding;

/// <summary>
/// An OGRS3 score for a generated person, calculated by the real scorer from invented but consistent criminal-history
/// facts: a first sanction in their teens or twenties, a conviction before their latest release, more previous sanctions
/// for people with more licence periods behind them, and an assessment shortly before that release. The evaluation's
/// adjusted Cox model uses it.
/// </summary>
public static class SyntheticOgrs3
{
    private static readonly Ogrs3OffenceCategory[] Offences =
    [
        Ogrs3OffenceCategory.Violence, Ogrs3OffenceCategory.Violence, Ogrs3OffenceCategory.Violence, Ogrs3OffenceCategory.Robbery,
        Ogrs3OffenceCategory.PublicOrder, Ogrs3OffenceCategory.BurglaryDomestic, Ogrs3OffenceCategory.CriminalDamage,
        Ogrs3OffenceCategory.DrugPossessionSupply, Ogrs3OffenceCategory.TheftNonMotor, Ogrs3OffenceCategory.Other,
    ];

    /// <summary>A score for <paramref name="c"/>, or null when the case has no licence to date it by.</summary>
    public static Ogrs3Score? Score(Random rng, CaseRecord c, Guid calculatedById, DateOnly today)
    {
        if (c.Licences.Count == 0) return null;
        var latest = c.Licences.Max(l => l.ReleaseDate);
        var conviction = latest.AddDays(-rng.Next(120, 720));
        var first = c.DateOfBirth.AddYears(14).AddDays(rng.Next(0, 8 * 365));
        if (first > conviction) first = conviction;
        var assessed = latest.AddDays(-rng.Next(5, 60));
        if (assessed < conviction) assessed = conviction;
        if (assessed > today) assessed = today;
        var sanctions = rng.Next(0, 12) + 6 * (c.Licences.Count - 1) + c.Licences.Sum(l => l.Recalls.Count) * 3;
        var inputs = new Ogrs3Inputs(c.Gender == Gender.Female ? Ogrs3Sex.Female : Ogrs3Sex.Male, c.DateOfBirth, conviction, first,
            sanctions, Offences[rng.Next(Offences.Length)], assessed);
        if (Ogrs3.Validate(inputs).Count > 0) return null;
        return Ogrs3Score.From(c.Id, inputs, calculatedById, new DateTimeOffset(assessed.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero));
    }
}
