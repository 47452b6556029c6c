using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Fhir;

/// <summary>
/// FHIR R4 read access under <c>/fhir/r4</c>: same API-token authentication, per-case access check and audit as
/// <c>/api/v1</c>. Read-only: Pathway is the record; FHIR is an export for partner systems.
/// </summary>
public static class FhirEndpoints
{
    public const string Base = "/fhir/r4";

    public static WebApplication MapFhir(this WebApplication app)
    {
        app.MapGet(Base + "/metadata", CapabilityStatementEndpoint.Get)
            .AllowAnonymous().WithMetadata(new NotAuditedAttribute("FHIR capability statement, no data"))
            .WithTags("FHIR").WithSummary("The server's FHIR capability statement");

        var fhir = app.MapGroup(Base).RequireAuthorization(Policies.Api).WithTags("FHIR");
        fhir.MapGet("/Patient/{id:guid}", GetPatientAsync).Audited("fhir.patient.read")
            .WithSummary("A person on licence as a FHIR Patient (minimum necessary: CRN, name, date of birth, gender)");
        return app;
    }

    private static async Task<IResult> GetPatientAsync(Guid id, CaseAccess access, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Patient", id);
        return c is null ? FhirResult.NotFound("Patient", id) : new FhirResult(PatientMapping.ToPatient(c));
    }
}
