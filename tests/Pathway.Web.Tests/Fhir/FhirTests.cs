using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace Pathway.Web.Tests.Fhir;

public abstract class FhirTests(AppFixture app)
{
    [Fact]
    public async Task Metadata_IsAValidCapabilityStatement_WithoutSigningIn()
    {
        using var client = app.Anonymous();
        var res = await client.GetAsync("/fhir/r4/metadata");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/fhir+json", res.Content.Headers.ContentType?.MediaType);
        var statement = FhirValidation.ParseAndValidate<CapabilityStatement>(await res.Content.ReadAsStringAsync());
        Assert.Contains(statement.Rest[0].Resource, r => r.Type == "Patient");
    }

    [Fact]
    public async Task Patient_InScope_IsValidAndCarriesOnlyTheMinimumNecessary()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.GetAsync($"/fhir/r4/Patient/{app.World.InScope.Id}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var json = await res.Content.ReadAsStringAsync();
        var patient = FhirValidation.ParseAndValidate<Patient>(json);
        Assert.Equal("T000001", Assert.Single(patient.Identifier).Value);
        Assert.Equal("1988-04-12", patient.BirthDate);
        Assert.Empty(patient.Address);
        Assert.Empty(patient.Telecom);
        Assert.Null(patient.Extension.FirstOrDefault());
    }

    [Fact]
    public async Task Patient_AsXml_WhenAsked()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.GetAsync($"/fhir/r4/Patient/{app.World.InScope.Id}?_format=xml");
        Assert.Equal("application/fhir+xml", res.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Patient xmlns=\"http://hl7.org/fhir\">", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Patient_OutOfScope_IsAnOperationOutcome404_AndTheDenialIsAudited()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.GetAsync($"/fhir/r4/Patient/{app.World.OutOfScope.Id}");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        var outcome = FhirValidation.ParseAndValidate<OperationOutcome>(await res.Content.ReadAsStringAsync());
        Assert.Equal(OperationOutcome.IssueType.NotFound, outcome.Issue[0].Code);
        var id = app.World.OutOfScope.Id.ToString();
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(
            e => e.Action == "fhir.patient.read" && e.EntityId == id && e.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task Questionnaires_EveryShippedDefinition_IsAValidQuestionnaire()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var bundle = FhirValidation.ParseAndValidate<Bundle>(await client.GetStringAsync("/fhir/r4/Questionnaire"));
        var questionnaires = bundle.Entry.Select(e => e.Resource).OfType<Questionnaire>().ToList();
        foreach (var key in new[] { "sapas", "opd-screen-men", "opd-screen-women", "hcr-20-v3" })
            Assert.Contains(questionnaires, q => q.Url!.EndsWith("/" + key, StringComparison.Ordinal));
        foreach (var q in questionnaires) FhirValidation.ParseAndValidate<Questionnaire>(await client.GetStringAsync($"/fhir/r4/Questionnaire/{q.Id}"));
    }

    [Fact]
    public async Task Questionnaire_Sapas_CarriesItsItemsCodesAndLicence()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var q = FhirValidation.ParseAndValidate<Questionnaire>(await client.GetStringAsync("/fhir/r4/Questionnaire/sapas-v1"));
        Assert.Equal(8, q.Item.Count);
        Assert.Equal("sapas-3", q.Item[2].LinkId);
        Assert.Equal(["Y", "N"], q.Item[2].AnswerOption.Select(o => Assert.IsType<Coding>(o.Value).Code));
        Assert.Contains("Moran", q.Copyright + q.Description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/fhir/r4/Questionnaire/sapas-v99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/fhir/r4/Questionnaire/nonsense")).StatusCode);
    }

    [Fact]
    public async Task Questionnaire_RatingSheet_HasAGroupPerItemWithPresenceAndRelevance()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var q = FhirValidation.ParseAndValidate<Questionnaire>(await client.GetStringAsync("/fhir/r4/Questionnaire/hcr-20-v3-v1"));
        Assert.Equal(20, q.Item.Count);
        Assert.All(q.Item, i => Assert.Equal(Questionnaire.QuestionnaireItemType.Group, i.Type));
        Assert.Equal(["H1.presence", "H1.relevance"], q.Item[0].Item.Select(i => i.LinkId));
    }

    [Fact]
    public async Task QuestionnaireResponse_ACompletedScreening_IsValidAndLinksItsQuestionnaireAndPatient()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var caseId = app.World.InScope.Id;
        var start = await api.PostAsync($"/api/v1/cases/{caseId}/screening", JsonContent.Create(new { instrumentKey = "sapas" }));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var created = await start.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var answers = Enumerable.Range(1, 8).ToDictionary(i => $"sapas-{i}", i => i <= 3 ? "Y" : "N");
        var complete = await api.PostAsync($"/api/v1/cases/{caseId}/screening/{id}/complete",
            JsonContent.Create(new { answers, version = created.GetProperty("version").GetInt32() }));
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);

        var qr = FhirValidation.ParseAndValidate<QuestionnaireResponse>(await api.GetStringAsync($"/fhir/r4/QuestionnaireResponse/{id}"));
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, qr.Status);
        Assert.EndsWith("/sapas|2", qr.Questionnaire!, StringComparison.Ordinal);
        Assert.Equal($"Patient/{caseId}", qr.Subject!.Reference);
        Assert.Equal(8, qr.Item.Count);
        Assert.Equal("Y", Assert.IsType<Coding>(qr.Item[0].Answer[0].Value).Code);

        var bundle = FhirValidation.ParseAndValidate<Bundle>(await api.GetStringAsync($"/fhir/r4/Patient/{caseId}/QuestionnaireResponse"));
        Assert.Contains(bundle.Entry, e => e.Resource!.Id == id.ToString());
    }

    [Fact]
    public async Task QuestionnaireResponse_OnAnOutOfScopeCase_Is404_AndAudited()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var id = app.World.OutOfScopeScreening.Id;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/fhir/r4/QuestionnaireResponse/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/fhir/r4/Patient/{app.World.OutOfScope.Id}/QuestionnaireResponse")).StatusCode);
        var entity = id.ToString();
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(
            e => e.Action == "fhir.questionnaire-response.read" && e.EntityId == entity && e.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task RiskAssessment_Ogrs3_IsValid_WithBothPredictionsAndTheBand()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var caseId = app.World.InScope.Id;
        var saved = await api.PostAsync($"/api/v1/cases/{caseId}/ogrs3", JsonContent.Create(new
        {
            sex = "female", dateOfBirth = "1980-03-01", convictionDate = "2017-06-01", firstSanctionDate = "1994-05-01",
            previousSanctions = 5, offenceCategory = "criminal-damage", assessmentDate = "2023-06-01",
        }));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var id = (await saved.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var risk = FhirValidation.ParseAndValidate<RiskAssessment>(await api.GetStringAsync($"/fhir/r4/RiskAssessment/{id}"));
        Assert.Equal("ogrs3", risk.Method!.Coding[0].Code);
        Assert.Equal($"Patient/{caseId}", risk.Subject!.Reference);
        Assert.Equal(2, risk.Prediction.Count);
        Assert.Equal(0.1698m, Math.Round(Assert.IsType<FhirDecimal>(risk.Prediction[0].Probability).Value!.Value, 4));
        Assert.Equal(0.2957m, Math.Round(Assert.IsType<FhirDecimal>(risk.Prediction[1].Probability).Value!.Value, 4));
        Assert.Equal("low", risk.Prediction[1].QualitativeRisk!.Coding[0].Code);

        var bundle = FhirValidation.ParseAndValidate<Bundle>(await api.GetStringAsync($"/fhir/r4/Patient/{caseId}/RiskAssessment"));
        Assert.Contains(bundle.Entry, e => e.Resource!.Id == id.ToString());
        var summary = Assert.Single(bundle.Entry, e => e.Resource!.Id == $"rosh-{caseId}").Resource as RiskAssessment;
        Assert.Equal("high", summary!.Code!.Coding[0].Code);
        FhirValidation.ParseAndValidate<RiskAssessment>(await api.GetStringAsync($"/fhir/r4/RiskAssessment/rosh-{caseId}"));
    }

    [Fact]
    public async Task RiskAssessment_OnAnOutOfScopeCase_OrUnknown_Is404()
    {
        using var api = app.Api(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/fhir/r4/RiskAssessment/rosh-{app.World.OutOfScope.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/fhir/r4/RiskAssessment/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/fhir/r4/Patient/{app.World.OutOfScope.Id}/RiskAssessment")).StatusCode);
    }

    [Fact]
    public async Task Patient_WithoutToken_Is401()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/fhir/r4/Patient/{app.World.InScope.Id}")).StatusCode);
    }
}

public sealed class FhirTestsSqlite(SqliteApp app) : FhirTests(app), IClassFixture<SqliteApp>;

public sealed class FhirTestsPostgres(PostgresApp app) : FhirTests(app), IClassFixture<PostgresApp>;
