using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Risk;

/// <summary>OGRS3 has separate age-band weights for men and women; it has no other categories.</summary>
public enum Ogrs3Sex
{
    Male,
    Female,
}

/// <summary>
/// The twenty OGRS3 offence categories. Stored by name; never renumber. The API names are the kebab-case of these
/// (<see cref="Ogrs3.ApiName"/>): <c>violence</c>, <c>robbery</c>, <c>public-order</c>, <c>sexual-not-against-child</c>,
/// <c>sexual-against-child</c>, <c>soliciting-prostitution</c>, <c>burglary-domestic</c>, <c>burglary-other</c>,
/// <c>theft-non-motor</c>, <c>handling-stolen-goods</c>, <c>fraud-and-forgery</c>, <c>absconding-bail</c>,
/// <c>taking-and-driving-away</c>, <c>theft-from-vehicles</c>, <c>drink-driving</c>, <c>other-motoring</c>,
/// <c>criminal-damage</c>, <c>drug-import-export-production</c>, <c>drug-possession-supply</c>, <c>other</c>.
/// </summary>
public enum Ogrs3OffenceCategory
{
    Violence,
    Robbery,
    PublicOrder,
    SexualNotAgainstChild,
    SexualAgainstChild,
    SolicitingProstitution,
    BurglaryDomestic,
    BurglaryOther,
    TheftNonMotor,
    HandlingStolenGoods,
    FraudAndForgery,
    AbscondingBail,
    TakingAndDrivingAway,
    TheftFromVehicles,
    DrinkDriving,
    OtherMotoring,
    CriminalDamage,
    DrugImportExportProduction,
    DrugPossessionSupply,
    Other,
}

/// <summary>Bands on the two-year probability.</summary>
public enum Ogrs3Band
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>The criminal-history facts OGRS3 needs. Nulls are "not given" and are reported by <see cref="Ogrs3.Validate"/>.</summary>
public sealed record Ogrs3Inputs(
    Ogrs3Sex? Sex,
    DateOnly? DateOfBirth,
    DateOnly? ConvictionDate,
    DateOnly? FirstSanctionDate,
    int? PreviousSanctions,
    Ogrs3OffenceCategory? OffenceCategory,
    DateOnly? AssessmentDate);

/// <summary>One OGRS3 answer with the ages and intermediate values it used, so a reader can check it by hand.</summary>
/// <param name="OneYear">Probability of proven reoffending within one year, as a fraction (0–1), full precision.</param>
/// <param name="TwoYear">Probability within two years, as a fraction (0–1), full precision.</param>
public sealed record Ogrs3Result(
    double OneYear,
    double TwoYear,
    Ogrs3Band Band,
    int AgeAtAssessment,
    int AgeAtConviction,
    int AgeAtFirstSanction,
    int SanctionsUsed,
    double Copas,
    double Score);

/// <summary>
/// Offender Group Reconviction Scale version 3 (Howard, Francis, Soothill &amp; Humphreys 2009), as set out in DOMAIN.md
/// section 5. Ages are in completed years. The copas rate uses the ages at the current conviction and at the first
/// sanction; the age band uses the age on the assessment date. Previous sanctions are capped at 50.
/// Bands are on the two-year probability: under 50% low, under 75% medium, under 90% high, otherwise very high
/// (the published bands are "&lt;50, 50–74, 75–89, ≥90"; read on the unrounded percentage so that no value falls
/// between bands).
/// </summary>
/// <remarks>
/// <para><b>Unconfirmed</b> (listed for the clinical lead on the rules page, <see cref="Rules.RiskRuleSets"/>): DOMAIN.md flags that the weights for <see cref="Ogrs3OffenceCategory.DrinkDriving"/>
/// (0.262228428) and <see cref="Ogrs3OffenceCategory.OtherMotoring"/> (−0.121439408) may be swapped in the source
/// this implementation follows. They are used as DOMAIN.md gives them until someone confirms them against the
/// published coefficients (Howard et al. 2009, Ministry of Justice Research Summary 7/09).</para>
/// </remarks>
public static class Ogrs3
{
    public const int SanctionCap = 50;
    public const int MinimumAgeOfCriminalResponsibility = 10;

    private const double OneYearIntercept = 1.402562384;
    private const double TwoYearIntercept = 2.121705678;
    private const double CopasWeight = 1.251124464;
    private const double AnyPreviousSanction = 0.463062792;
    private const double NoPreviousSanction = 0.126142106;

    /// <summary>Lower bound (inclusive) of each age band, in years at the assessment date.</summary>
    private static readonly int[] AgeBandStarts = [0, 12, 14, 16, 18, 21, 25, 30, 35, 40, 50];

    private static readonly double[] MaleAgeWeights =
        [0, 0.083922902, 0.075775765, -0.061594199, -0.625103618, -1.051515067, -1.166679288, -1.325976554, -1.368045933, -1.499690953, -2.025261458];

    private static readonly double[] FemaleAgeWeights =
        [-0.785038489, -0.613852078, -0.669521331, -0.959179629, -0.897480934, -1.028488454, -1.052777806, -1.129127959, -1.42187494, -1.524652221, -2.44983716];

    /// <summary>The offence weight. See the remarks on the class about drink driving and other motoring.</summary>
    public static double OffenceWeight(Ogrs3OffenceCategory category) => category switch
    {
        Ogrs3OffenceCategory.Violence => 0,
        Ogrs3OffenceCategory.Robbery => -0.634795912,
        Ogrs3OffenceCategory.PublicOrder => 0.181917975,
        Ogrs3OffenceCategory.SexualNotAgainstChild => 0.003276327,
        Ogrs3OffenceCategory.SexualAgainstChild => -0.653434071,
        Ogrs3OffenceCategory.SolicitingProstitution => 0.760608858,
        Ogrs3OffenceCategory.BurglaryDomestic => -0.12394352,
        Ogrs3OffenceCategory.BurglaryOther => 0.240604429,
        Ogrs3OffenceCategory.TheftNonMotor => 0.661244321,
        Ogrs3OffenceCategory.HandlingStolenGoods => 0.351866973,
        Ogrs3OffenceCategory.FraudAndForgery => 0.159910192,
        Ogrs3OffenceCategory.AbscondingBail => 0.733378677,
        Ogrs3OffenceCategory.TakingAndDrivingAway => 0.380059431,
        Ogrs3OffenceCategory.TheftFromVehicles => 0.427225615,
        Ogrs3OffenceCategory.DrinkDriving => 0.262228428, // unconfirmed: may be swapped with other motoring
        Ogrs3OffenceCategory.OtherMotoring => -0.121439408, // unconfirmed: may be swapped with drink driving
        Ogrs3OffenceCategory.CriminalDamage => 0.204960477,
        Ogrs3OffenceCategory.DrugImportExportProduction => -0.795556373,
        Ogrs3OffenceCategory.DrugPossessionSupply => 0.077165871,
        Ogrs3OffenceCategory.Other => -0.060667525,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The age-band weight for a sex and an age (completed years) at the assessment date.</summary>
    public static double AgeSexWeight(Ogrs3Sex sex, int ageAtAssessment)
    {
        var band = AgeBandIndex(ageAtAssessment);
        return sex == Ogrs3Sex.Male ? MaleAgeWeights[band] : FemaleAgeWeights[band];
    }

    /// <summary>0 for "11 or under" … 10 for "50 and over".</summary>
    public static int AgeBandIndex(int age)
    {
        var band = 0;
        for (var i = 0; i < AgeBandStarts.Length; i++)
            if (age >= AgeBandStarts[i]) band = i;
        return band;
    }

    /// <summary>Readable labels of the age bands, in order.</summary>
    public static readonly IReadOnlyList<string> AgeBandLabels =
        ["11 or under", "12–13", "14–15", "16–17", "18–20", "21–24", "25–29", "30–34", "35–39", "40–49", "50 and over"];

    public static Ogrs3Band BandFor(double twoYear) => (twoYear * 100) switch
    {
        < 50 => Ogrs3Band.Low,
        < 75 => Ogrs3Band.Medium,
        < 90 => Ogrs3Band.High,
        _ => Ogrs3Band.VeryHigh,
    };

    /// <summary>Every problem with the inputs, one message per field (field names are the property names).</summary>
    public static IReadOnlyList<FieldError> Validate(Ogrs3Inputs i)
    {
        var errors = new List<FieldError>();
        if (i.Sex is null) errors.Add(new(nameof(i.Sex), "Select male or female"));
        if (i.DateOfBirth is null) errors.Add(new(nameof(i.DateOfBirth), "Enter the date of birth"));
        if (i.ConvictionDate is null) errors.Add(new(nameof(i.ConvictionDate), "Enter the date of the current conviction"));
        if (i.FirstSanctionDate is null) errors.Add(new(nameof(i.FirstSanctionDate), "Enter the date of the first sanction"));
        if (i.PreviousSanctions is null) errors.Add(new(nameof(i.PreviousSanctions), "Enter the number of previous sanctions (0 if none)"));
        else if (i.PreviousSanctions < 0) errors.Add(new(nameof(i.PreviousSanctions), "Previous sanctions cannot be negative"));
        if (i.OffenceCategory is null) errors.Add(new(nameof(i.OffenceCategory), "Select the offence category"));
        if (i.AssessmentDate is null) errors.Add(new(nameof(i.AssessmentDate), "Enter the assessment date"));

        if (i.DateOfBirth is { } dob)
        {
            if (i.ConvictionDate is { } conviction && conviction < dob)
                errors.Add(new(nameof(i.ConvictionDate), "The conviction date must be after the date of birth"));
            if (i.FirstSanctionDate is { } first)
            {
                if (first < dob) errors.Add(new(nameof(i.FirstSanctionDate), "The first sanction must be after the date of birth"));
                else if (Cases.Age.On(dob, first) < MinimumAgeOfCriminalResponsibility)
                    errors.Add(new(nameof(i.FirstSanctionDate), $"The person was under {MinimumAgeOfCriminalResponsibility} at the first sanction; no one under {MinimumAgeOfCriminalResponsibility} can be sanctioned"));
            }
            if (i.AssessmentDate is { } assessed && assessed < dob)
                errors.Add(new(nameof(i.AssessmentDate), "The assessment date must be after the date of birth"));
        }
        if (i.FirstSanctionDate is { } f && i.ConvictionDate is { } c && f > c && !errors.Any(e => e.Field == nameof(i.FirstSanctionDate)))
            errors.Add(new(nameof(i.FirstSanctionDate), "The first sanction cannot be after the current conviction"));
        if (i.ConvictionDate is { } c2 && i.AssessmentDate is { } a && a < c2 && !errors.Any(e => e.Field == nameof(i.AssessmentDate)))
            errors.Add(new(nameof(i.AssessmentDate), "The assessment date cannot be before the conviction date"));
        return errors;
    }

    /// <summary>Scores valid inputs; throws if <see cref="Validate"/> would report a problem.</summary>
    public static Ogrs3Result Calculate(Ogrs3Inputs i)
    {
        var errors = Validate(i);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(i));
        var dob = i.DateOfBirth!.Value;
        var ageAtAssessment = Cases.Age.On(dob, i.AssessmentDate!.Value);
        var ageAtConviction = Cases.Age.On(dob, i.ConvictionDate!.Value);
        var ageAtFirst = Cases.Age.On(dob, i.FirstSanctionDate!.Value);
        var s = Math.Min(i.PreviousSanctions!.Value, SanctionCap);

        var copas = Math.Log((s + 1.0) / (10 + ageAtConviction - ageAtFirst));
        var score = AgeSexWeight(i.Sex!.Value, ageAtAssessment)
            + (s > 0 ? AnyPreviousSanction : NoPreviousSanction)
            + CopasWeight * copas
            + OffenceWeight(i.OffenceCategory!.Value);
        var oneYear = Logistic(OneYearIntercept + score);
        var twoYear = Logistic(TwoYearIntercept + score);
        return new Ogrs3Result(oneYear, twoYear, BandFor(twoYear), ageAtAssessment, ageAtConviction, ageAtFirst, s, copas, score);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>The API name of a category: kebab-case of the enum name, e.g. <c>burglary-domestic</c>.</summary>
    public static string ApiName(Ogrs3OffenceCategory category) => Kebab(category.ToString());

    public static bool TryParseApiName(string? text, out Ogrs3OffenceCategory category)
    {
        foreach (var c in Enum.GetValues<Ogrs3OffenceCategory>())
        {
            if (string.Equals(ApiName(c), text?.Trim(), StringComparison.OrdinalIgnoreCase)) { category = c; return true; }
        }
        category = default;
        return false;
    }

    public static string ApiName(Ogrs3Band band) => Kebab(band.ToString());

    public static string DisplayName(Ogrs3Band band) => band switch
    {
        Ogrs3Band.VeryHigh => "Very high",
        _ => band.ToString(),
    };

    public static string DisplayName(Ogrs3OffenceCategory c) => c switch
    {
        Ogrs3OffenceCategory.Violence => "Violence",
        Ogrs3OffenceCategory.Robbery => "Robbery",
        Ogrs3OffenceCategory.PublicOrder => "Public order",
        Ogrs3OffenceCategory.SexualNotAgainstChild => "Sexual (not against a child)",
        Ogrs3OffenceCategory.SexualAgainstChild => "Sexual (against a child)",
        Ogrs3OffenceCategory.SolicitingProstitution => "Soliciting or prostitution",
        Ogrs3OffenceCategory.BurglaryDomestic => "Burglary (domestic)",
        Ogrs3OffenceCategory.BurglaryOther => "Burglary (other)",
        Ogrs3OffenceCategory.TheftNonMotor => "Theft (non-motor)",
        Ogrs3OffenceCategory.HandlingStolenGoods => "Handling stolen goods",
        Ogrs3OffenceCategory.FraudAndForgery => "Fraud and forgery",
        Ogrs3OffenceCategory.AbscondingBail => "Absconding or bail offences",
        Ogrs3OffenceCategory.TakingAndDrivingAway => "Taking and driving away",
        Ogrs3OffenceCategory.TheftFromVehicles => "Theft from vehicles",
        Ogrs3OffenceCategory.DrinkDriving => "Drink driving",
        Ogrs3OffenceCategory.OtherMotoring => "Other motoring",
        Ogrs3OffenceCategory.CriminalDamage => "Criminal damage",
        Ogrs3OffenceCategory.DrugImportExportProduction => "Drug import, export or production",
        Ogrs3OffenceCategory.DrugPossessionSupply => "Drug possession or supply",
        Ogrs3OffenceCategory.Other => "Other",
        _ => c.ToString(),
    };

    /// <summary>"BurglaryDomestic" → "burglary-domestic".</summary>
    public static string Kebab(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 8);
        for (var k = 0; k < pascal.Length; k++)
        {
            var ch = pascal[k];
            if (char.IsUpper(ch) && k > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
