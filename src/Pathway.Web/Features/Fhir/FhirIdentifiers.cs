namespace Pathway.Web.Features.Fhir;

/// <summary>
/// Naming systems for identifiers Pathway puts in FHIR resources. Pathway's own ids are GUIDs and form the logical ids;
/// the probation case reference number (CRN) is the identifier partners know the person by.
/// </summary>
public static class FhirIdentifiers
{
    /// <summary>The probation case reference number. A local naming system: there is no published URI for the CRN.</summary>
    public const string Crn = "https://pathway.example/fhir/NamingSystem/probation-crn";

    /// <summary>Code system for Pathway's own codes (instrument item codes, risk outcomes).</summary>
    public const string CodeSystemBase = "https://pathway.example/fhir/CodeSystem/";

    /// <summary>Canonical base for Pathway's instrument definitions as Questionnaires.</summary>
    public const string QuestionnaireBase = "https://pathway.example/fhir/Questionnaire/";
}
