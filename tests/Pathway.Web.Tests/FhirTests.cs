using System.Net;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace Pathway.Web.Tests;

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
    public async Task Patient_WithoutToken_Is401()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/fhir/r4/Patient/{app.World.InScope.Id}")).StatusCode);
    }
}

public sealed class FhirTestsSqlite(SqliteApp app) : FhirTests(app), IClassFixture<SqliteApp>;

public sealed class FhirTestsPostgres(PostgresApp app) : FhirTests(app), IClassFixture<PostgresApp>;
