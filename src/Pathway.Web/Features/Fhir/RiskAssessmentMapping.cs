using System.Globalization;
using Hl7.Fhir.Model;
using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Risk;

namespace Pathway.Web.Features.Fhir;

/// <summary>
/// Risk as FHIR <see cref="RiskAssessment"/>s: each stored OGRS3 calculation (one- and two-year probabilities of proven
/// reoffending, the band, and the inputs it used), and the case's risk summary — its risk of serious harm (RoSH) level.
/// The summary's id is <c>rosh-{caseId}</c>: it is the case's current level, not a stored assessment of its own.
/// </summary>
public static class RiskAssessmentMapping
{
    public const string SummaryPrefix = "rosh-";
    public static readonly string MethodSystem = FhirIdentifiers.CodeSystemBase + "risk-method";
    public static readonly string BandSystem = FhirIdentifiers.CodeSystemBase + "risk-band";

    public static RiskAssessment FromOgrs3(Ogrs3Score s, ResourceReference patient) => new()
    {
        Id = s.Id.ToString(),
        Meta = new Meta { LastUpdated = s.CalculatedAt },
        Status = ObservationStatus.Final,
        Method = new CodeableConcept(MethodSystem, "ogrs3", "Offender Group Reconviction Scale 3 (Howard et al. 2009)"),
        Subject = patient,
        Occurrence = new FhirDateTime(s.AssessmentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Prediction =
        [
            Prediction("Proven reoffending within one year", s.OneYear, 1, null),
            Prediction("Proven reoffending within two years", s.TwoYear, 2, new CodeableConcept(BandSystem, Ogrs3.ApiName(s.Band), Ogrs3.DisplayName(s.Band))),
        ],
        Note =
        [
            new Annotation
            {
                Text = new Markdown(string.Create(CultureInfo.InvariantCulture,
                    $"Inputs: {s.Sex.ToString().ToLowerInvariant()}, born {s.DateOfBirth:yyyy-MM-dd}, convicted {s.ConvictionDate:yyyy-MM-dd}, first sanction {s.FirstSanctionDate:yyyy-MM-dd}, {s.PreviousSanctions} previous sanctions, offence category {Ogrs3.ApiName(s.OffenceCategory)}, assessed {s.AssessmentDate:yyyy-MM-dd}.")),
            },
        ],
    };

    /// <remarks>
    /// The level is carried in <c>code</c>, not in a prediction: RoSH is a judgement with no probability, and Firely's
    /// validator reads the core invariant ras-2 ("probability must be ≤ 100") as failed when a prediction has none.
    /// </remarks>
    public static RiskAssessment Summary(CaseRecord c, ResourceReference patient) => new()
    {
        Id = SummaryPrefix + c.Id,
        Meta = new Meta { LastUpdated = c.UpdatedAt == default ? c.CreatedAt : c.UpdatedAt },
        Status = ObservationStatus.Final,
        Method = new CodeableConcept(MethodSystem, "rosh", "Risk of serious harm (probation risk summary)"),
        Code = new CodeableConcept(BandSystem, c.RoshLevel == RoshLevel.VeryHigh ? "very-high" : c.RoshLevel.ToString().ToLowerInvariant(),
            RoshLevels.DisplayName(c.RoshLevel), $"Risk of serious harm to others: {RoshLevels.DisplayName(c.RoshLevel).ToLowerInvariant()}"),
        Subject = patient,
    };

    private static RiskAssessment.PredictionComponent Prediction(string outcome, double probability, int years, CodeableConcept? band) => new()
    {
        Outcome = new CodeableConcept { Text = outcome },
        Probability = new FhirDecimal((decimal)probability),
        QualitativeRisk = band,
        When = new Hl7.Fhir.Model.Range
        {
            Low = new Quantity { Value = 0, Unit = "years", System = "http://unitsofmeasure.org", Code = "a" },
            High = new Quantity { Value = years, Unit = years == 1 ? "year" : "years", System = "http://unitsofmeasure.org", Code = "a" },
        },
    };
}
