using Hl7.Fhir.Model;

namespace Pathway.Web.Features.Fhir;

/// <summary>What <c>/fhir/r4/metadata</c> says this server can do. Kept beside the endpoints it describes.</summary>
public static class CapabilityStatementEndpoint
{
    public static readonly IReadOnlyList<(ResourceType Type, string Documentation, bool SearchType)> Resources =
    [
        (ResourceType.Patient, "Read a person on licence you may see (minimum necessary). Compartment searches: Patient/{id}/QuestionnaireResponse, Patient/{id}/RiskAssessment, Patient/{id}/CarePlan.", false),
        (ResourceType.Questionnaire, "Instrument definitions (screening questionnaires and rating sheets), every published version; id key-vN.", true),
        (ResourceType.QuestionnaireResponse, "Screening responses on cases you may see, coded with the definition's own codes.", false),
        (ResourceType.RiskAssessment, "OGRS3 calculations with their inputs, and the case's risk summary (RoSH) as rosh-{caseId}.", false),
        (ResourceType.CarePlan, "Care-plan versions with goals contained and actions as activities; for roles with the full care-plan view. Never the information not to be disclosed to the person.", false),
        (ResourceType.Goal, "One goal of a care-plan version: area of need, the person's words, SMART note, target date, status.", false),
    ];

    public static IResult Get(HttpContext http)
    {
        var statement = new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = "2026-11-26",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Pathway" },
            Implementation = new CapabilityStatement.ImplementationComponent
            {
                Description = "Pathway FHIR R4 export",
                Url = $"{http.Request.Scheme}://{http.Request.Host}{FhirEndpoints.Base}",
            },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = [FhirResult.JsonType, FhirResult.XmlType],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Security = new CapabilityStatement.SecurityComponent
                    {
                        Description = "Send a Pathway personal API token as 'Authorization: Bearer pwy_…'. Each read is checked against your access to the case and audited.",
                    },
                    Resource = Resources.Select(r => new CapabilityStatement.ResourceComponent
                    {
                        Type = r.Type.ToString(),
                        Documentation = r.Documentation,
                        Interaction = r.SearchType
                            ? [new() { Code = CapabilityStatement.TypeRestfulInteraction.Read }, new() { Code = CapabilityStatement.TypeRestfulInteraction.SearchType }]
                            : [new() { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                    }).ToList(),
                },
            ],
        };
        return new FhirResult(statement);
    }
}
