using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Instruments;
using Pathway.Web.Features.Screening;
using Task = System.Threading.Tasks.Task;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Domain.Auditing;

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
        fhir.MapGet("/Patient/{id:guid}", GetPatientAsync).Audited(AuditActions.Fhir.PatientRead)
            .WithSummary("A person on licence as a FHIR Patient (minimum necessary: CRN, name, date of birth, gender)");
        fhir.MapGet("/Questionnaire", ListQuestionnairesAsync).Audited(AuditActions.Fhir.QuestionnaireList)
            .WithSummary("Every published instrument definition version as a Questionnaire (a searchset Bundle)");
        fhir.MapGet("/Questionnaire/{questionnaireId}", GetQuestionnaireAsync).Audited(AuditActions.Fhir.QuestionnaireRead)
            .WithSummary("One instrument definition version as a Questionnaire; the id is key-vN, e.g. sapas-v1");
        fhir.MapGet("/Patient/{id:guid}/QuestionnaireResponse", ListResponsesAsync).Audited(AuditActions.Fhir.QuestionnaireResponseList)
            .WithSummary("A person's screening responses (Patient compartment search)");
        fhir.MapGet("/QuestionnaireResponse/{responseId:guid}", GetResponseAsync).Audited(AuditActions.Fhir.QuestionnaireResponseRead)
            .WithSummary("One screening response as a QuestionnaireResponse, checked against your access to its case");
        fhir.MapGet("/Patient/{id:guid}/RiskAssessment", ListRiskAssessmentsAsync).Audited(AuditActions.Fhir.RiskAssessmentList)
            .WithSummary("A person's risk summary (RoSH) and OGRS3 calculations (Patient compartment search)");
        fhir.MapGet("/RiskAssessment/{riskAssessmentId}", GetRiskAssessmentAsync).Audited(AuditActions.Fhir.RiskAssessmentRead)
            .WithSummary("One OGRS3 calculation by id, or a case's risk summary as rosh-{caseId}");
        fhir.MapCarePlanFhir();
        return app;
    }

    private static async Task<IResult> ListRiskAssessmentsAsync(Guid id, CaseAccess access, PathwayDbContext db, HttpRequest request, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "RiskAssessment", null);
        if (c is null) return FhirResult.NotFound("Patient", id);
        var patient = PatientMapping.Reference(c);
        var scores = await db.Ogrs3Scores.AsNoTracking().Where(s => s.CaseId == id).ToListAsync(ct);
        IEnumerable<Resource> resources = [RiskAssessmentMapping.Summary(c, patient), .. scores.OrderByDescending(s => s.CalculatedAt).Select(s => RiskAssessmentMapping.FromOgrs3(s, patient))];
        return new FhirResult(Bundles.SearchSet(request, resources));
    }

    private static async Task<IResult> GetRiskAssessmentAsync(string riskAssessmentId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (riskAssessmentId.StartsWith(RiskAssessmentMapping.SummaryPrefix, StringComparison.Ordinal)
            && Guid.TryParse(riskAssessmentId[RiskAssessmentMapping.SummaryPrefix.Length..], out var caseId))
        {
            var c = await access.LoadAsync(caseId, AccessNeed.Read, ct, "RiskAssessment", riskAssessmentId);
            return c is null ? NotFoundRisk(riskAssessmentId) : new FhirResult(RiskAssessmentMapping.Summary(c, PatientMapping.Reference(c)));
        }
        var score = Guid.TryParse(riskAssessmentId, out var scoreId)
            ? await db.Ogrs3Scores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoreId, ct)
            : null;
        if (score is null)
        {
            await audit.DeniedAsync("RiskAssessment", riskAssessmentId, null, ct);
            return NotFoundRisk(riskAssessmentId);
        }
        var owner = await access.LoadAsync(score.CaseId, AccessNeed.Read, ct, "RiskAssessment", riskAssessmentId);
        return owner is null ? NotFoundRisk(riskAssessmentId) : new FhirResult(RiskAssessmentMapping.FromOgrs3(score, PatientMapping.Reference(owner)));
    }

    private static FhirResult NotFoundRisk(string id) =>
        FhirResult.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"RiskAssessment/{id} is not known, or you may not see it");

    private static async Task<IResult> ListQuestionnairesAsync(PathwayDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        var rows = await db.InstrumentDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published).ToListAsync(ct);
        var latest = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        await audit.ReadAsync("Questionnaire", null, null, ct);
        var resources = rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenByDescending(r => r.Version)
            .Select(r => QuestionnaireMapping.ToQuestionnaire(InstrumentCatalogue.Definition(r), latest[r.Key] == r.Version, r.PublishedAt));
        return new FhirResult(Bundles.SearchSet(request, resources));
    }

    private static async Task<IResult> GetQuestionnaireAsync(string questionnaireId, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var dash = questionnaireId.LastIndexOf("-v", StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(questionnaireId[(dash + 2)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            return FhirResult.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"Questionnaire/{questionnaireId} is not known: ids look like sapas-v1");
        var key = questionnaireId[..dash];
        var r = await db.InstrumentDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Version == version && d.Status == DefinitionStatus.Published, ct);
        if (r is null)
            return FhirResult.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"Questionnaire/{questionnaireId} is not known");
        var newest = await db.InstrumentDefinitions.Where(d => d.Key == key && d.Status == DefinitionStatus.Published).MaxAsync(d => d.Version, ct);
        await audit.ReadAsync("Questionnaire", questionnaireId, null, ct);
        return new FhirResult(QuestionnaireMapping.ToQuestionnaire(InstrumentCatalogue.Definition(r), newest == version, r.PublishedAt));
    }

    private static async Task<IResult> ListResponsesAsync(Guid id, CaseAccess access, PathwayDbContext db, HttpRequest request, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "QuestionnaireResponse", null);
        if (c is null) return FhirResult.NotFound("Patient", id);
        var responses = await db.InstrumentResponses.AsNoTracking().Include(r => r.Definition).Where(r => r.CaseId == id).ToListAsync(ct);
        var patient = PatientMapping.Reference(c);
        return new FhirResult(Bundles.SearchSet(request, responses.OrderByDescending(r => r.StartedAt).Select(r => ToResponse(r, patient))));
    }

    private static async Task<IResult> GetResponseAsync(Guid responseId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var r = await db.InstrumentResponses.AsNoTracking().Include(x => x.Definition).FirstOrDefaultAsync(x => x.Id == responseId, ct);
        if (r is null)
        {
            await audit.DeniedAsync("QuestionnaireResponse", responseId, null, ct);
            return FhirResult.NotFound("QuestionnaireResponse", responseId);
        }
        var c = await access.LoadAsync(r.CaseId, AccessNeed.Read, ct, "QuestionnaireResponse", responseId);
        return c is null ? FhirResult.NotFound("QuestionnaireResponse", responseId) : new FhirResult(ToResponse(r, PatientMapping.Reference(c)));
    }

    private static QuestionnaireResponse ToResponse(InstrumentResponse r, ResourceReference patient) =>
        QuestionnaireResponseMapping.ToResponse(r, ScreeningResponses.DefinitionOf(r), patient, ScreeningResponses.AnswersOf(r));

    private static async Task<IResult> GetPatientAsync(Guid id, CaseAccess access, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Patient", id);
        return c is null ? FhirResult.NotFound("Patient", id) : new FhirResult(PatientMapping.ToPatient(c));
    }
}
