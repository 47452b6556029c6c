using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Compliance;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.SubjectAccess;

/// <summary>
/// HMPPS's subject access request contract (hmpps-kotlin-lib's <c>HmppsSubjectAccessRequestController</c>): 200 with
/// <c>{content, attachments}</c>, 204 nothing in the range, 209 identifier not known here, 400 neither identifier,
/// 401 without a token, 403 with a token of another role; and the content is the person's and nobody else's.
/// </summary>
public abstract class HmppsSubjectAccessTests(AppFixture app)
{
    private const string Path = "/subject-access-request";

    private sealed record Person(Guid Id, string Crn, string ContactNote, string IncidentText);

    private static int _next = 700000;

    /// <summary>A case opened on 1 Jan 2025 with a licence released 1 Jun 2025, a contact on 10 Mar 2026 and an incident on 1 May 2026, each text unique.</summary>
    private Task<Person> PersonAsync() => app.Factory.WithDbAsync(async db =>
    {
        var crn = $"S{Interlocked.Increment(ref _next) + Random.Shared.Next(0, 200000):D6}";
        var marker = Guid.NewGuid().ToString("N")[..10];
        var c = new CaseRecord
        {
            Crn = crn, GivenName = "Sar", FamilyName = "Person " + marker, DateOfBirth = new DateOnly(1985, 2, 3), Gender = Gender.Male,
            Ethnicity = Ethnicity.NotStated, RoshLevel = RoshLevel.High, TeamId = app.World.TeamA.Id,
            CreatedAt = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero),
        };
        c.RefreshSearchColumns();
        db.Cases.Add(c);
        db.Licences.Add(new Licence
        {
            CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 36, ReleaseDate = new DateOnly(2025, 6, 1),
            LicenceExpiryDate = new DateOnly(2027, 6, 1), StandardConditionSetCode = (await db.StandardConditionSets.FirstAsync()).Code,
        });
        var note = $"contact note {marker}";
        db.Contacts.Add(new Contact { CaseId = c.Id, Date = new DateOnly(2026, 3, 10), Kind = ContactKind.OfficeAppointment, Outcome = ContactOutcome.Attended, Notes = note });
        var incident = $"incident {marker}";
        db.Incidents.Add(new Incident
        {
            CaseId = c.Id, OccurredAt = new DateTimeOffset(2026, 5, 1, 14, 0, 0, TimeSpan.Zero), Location = "Approved premises", Type = IncidentType.AngryOutburst,
            Severity = IncidentSeverity.Moderate, Description = incident, StaffResponse = "Talked it through", WhoWasInformed = "Offender manager",
            RecordedById = app.World.Users[StaffRole.ApprovedPremisesStaff].Id, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return new Person(c.Id, crn, note, incident);
    });

    private async Task<HttpClient> ServiceAccountAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"sar-{Guid.NewGuid():N}@service.pathway.example";
        var u = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "HMPPS subject access service", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(u)).Succeeded);
        Assert.True((await users.AddToRoleAsync(u, ServiceRoles.SubjectAccess)).Succeeded);
        return await app.ApiAsAsync(u);
    }

    private static async Task<JsonElement> ContentAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, doc.RootElement.GetProperty("attachments").GetArrayLength());
        return doc.RootElement.GetProperty("content").Clone();
    }

    [Fact]
    public async Task WithoutAToken_Returns401()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"{Path}?crn=T000001");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(StaffRole.ClinicalLead)]
    [InlineData(StaffRole.Administrator)]
    [InlineData(StaffRole.OffenderManager)]
    public async Task WithAStaffToken_Returns403(StaffRole role)
    {
        using var client = app.Api(role);
        var response = await client.GetAsync($"{Path}?crn={app.World.InScope.Crn}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?fromDate=2025-01-01")]
    [InlineData("?crn=%20&prn=")]
    [InlineData("?crn=T000001&fromDate=1%20March%202026")]
    [InlineData("?crn=T000001&fromDate=2026-04-01&toDate=2026-03-01")]
    public async Task WithNeitherIdentifier_OrAMalformedDate_Returns400(string query)
    {
        using var client = await ServiceAccountAsync();
        var response = await client.GetAsync(Path + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?crn=Z999999")]
    [InlineData("?prn=A1234BC")]
    public async Task AnIdentifierNotKnownHere_Returns209(string query)
    {
        using var client = await ServiceAccountAsync();
        var response = await client.GetAsync(Path + query);
        Assert.Equal(209, (int)response.StatusCode);
    }

    [Fact]
    public async Task AKnownPerson_Returns200_WithTheirRecordsAndNobodyElses_AndAudits()
    {
        var person = await PersonAsync();
        var other = await PersonAsync();
        using var client = await ServiceAccountAsync();

        var response = await client.GetAsync($"{Path}?crn={person.Crn.ToLowerInvariant()}");
        var body = (await ContentAsync(response)).GetRawText();

        Assert.Contains(person.ContactNote, body);
        Assert.Contains(person.IncidentText, body);
        Assert.DoesNotContain(other.ContactNote, body);
        Assert.DoesNotContain(other.IncidentText, body);
        Assert.DoesNotContain(other.Crn, body);
        using var doc = JsonDocument.Parse(body);
        var content = doc.RootElement;
        Assert.Equal(person.Crn, content.GetProperty("person").GetProperty("caseReferenceNumber").GetString());
        Assert.Equal("1985-02-03", content.GetProperty("person").GetProperty("dateOfBirth").GetString());
        Assert.Equal("2025-06-01", content.GetProperty("licences")[0].GetProperty("releaseDate").GetString());
        Assert.Equal("2026-03-10", content.GetProperty("contacts")[0].GetProperty("date").GetString());

        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.CaseId == person.Id && a.Action == AuditActions.SubjectAccess.HmppsRead).SingleAsync());
        Assert.Equal(AuditOutcome.Allowed, row.Outcome);
        Assert.Contains("from the start to today", row.Reason);
        Assert.NotNull(row.UserId);
    }

    [Fact]
    public async Task ADateRange_KeepsOnlyRecordsDatedInIt()
    {
        var person = await PersonAsync();
        using var client = await ServiceAccountAsync();

        var response = await client.GetAsync($"{Path}?crn={person.Crn}&fromDate=2026-03-01&toDate=2026-03-31");
        var content = await ContentAsync(response);

        Assert.Equal(1, content.GetProperty("contacts").GetArrayLength());
        Assert.Equal(0, content.GetProperty("incidents").GetArrayLength());
        Assert.Equal(0, content.GetProperty("licences").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, content.GetProperty("person").GetProperty("recordCreatedOn").ValueKind);
        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.CaseId == person.Id && a.Action == AuditActions.SubjectAccess.HmppsRead).SingleAsync());
        Assert.Contains("from 2026-03-01 to 2026-03-31: 1 records", row.Reason);
    }

    [Fact]
    public async Task AKnownPerson_WithNothingInTheRange_Returns204()
    {
        var person = await PersonAsync();
        using var client = await ServiceAccountAsync();

        var response = await client.GetAsync($"{Path}?crn={person.Crn}&fromDate=2024-01-01&toDate=2024-12-31");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.CaseId == person.Id && a.Action == AuditActions.SubjectAccess.HmppsRead)));
    }

    [Fact]
    public async Task TheContract_IsDescribedInTheOpenApiDocument()
    {
        using var client = app.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var get = doc.RootElement.GetProperty("paths").GetProperty(Path).GetProperty("get");
        var responses = get.GetProperty("responses");
        foreach (var status in new[] { "200", "204", "209", "400", "401", "403" }) Assert.True(responses.TryGetProperty(status, out _), status);
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["prn", "crn", "fromDate", "toDate"], parameters);
    }

    [Fact]
    public async Task TheContent_SaysWhetherThePersonOptedOut()
    {
        var person = await PersonAsync();
        await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NationalDataOptOut, true)));
        using var client = await ServiceAccountAsync();

        var content = await ContentAsync(await client.GetAsync($"{Path}?crn={person.Crn}"));

        Assert.True(content.GetProperty("person").GetProperty("nationalDataOptOut").GetBoolean());
    }

    [Fact]
    public async Task TheServiceAccountsToken_OpensNothingElse()
    {
        using var client = await ServiceAccountAsync();
        // The case list answers everyone with the API policy, but a service account holds no staff role: it lists nothing.
        using var list = JsonDocument.Parse(await (await client.GetAsync("/api/v1/cases")).Content.ReadAsStringAsync());
        Assert.Equal(0, list.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}")).StatusCode);
    }
}

public sealed class HmppsSubjectAccessTestsSqlite(SqliteApp app) : HmppsSubjectAccessTests(app), IClassFixture<SqliteApp>;

public sealed class HmppsSubjectAccessTestsPostgres(PostgresApp app) : HmppsSubjectAccessTests(app), IClassFixture<PostgresApp>;
