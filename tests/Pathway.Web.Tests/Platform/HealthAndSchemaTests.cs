using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Platform;

public abstract class HealthAndSchemaTests(AppFixture app)
{
    [Fact]
    public async Task Health_LiveAndReady_AnswerWithoutSignIn()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Model_HasNoChangesMissingFromThisProvidersMigrations() =>
        Assert.False(await app.Factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            $"The model has changes with no {app.Factory.Provider} migration. Run scripts/add-migration.sh <Name>.");

    [Fact]
    public async Task Database_HasEveryMigrationApplied() =>
        Assert.Empty(await app.Factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));

    [Fact]
    public async Task UnknownPage_WhenSignedOut_SendsToSignIn()
    {
        using var client = app.Anonymous();
        var res = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/sign-in", res.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnexpectedFailure_ShowsAReferenceAndNoStackTrace()
    {
        var client = await app.PagesAsync(Pathway.Domain.Staff.StaffRole.Psychologist);
        var page = await client.GetAsync(ThrowingEndpointFilter.PagePath);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with the service", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-reference\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingEndpointFilter.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);

        var api = await client.GetAsync(ThrowingEndpointFilter.ApiPath);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var body = await api.Content.ReadAsStringAsync();
        Assert.Contains("traceId", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingEndpointFilter.Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCasesApi()
    {
        using var client = app.Anonymous();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/cases", doc, StringComparison.Ordinal);
        Assert.Contains("bearer", doc, StringComparison.Ordinal);
        // The browsable reference is served from the app itself (no CDN) and finds the document relative to itself.
        var page = await client.GetStringAsync("/api/docs/");
        Assert.Contains("scalar.js", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/scalar.js")).StatusCode);
        Assert.Equal(doc, await client.GetStringAsync("/api/docs/openapi/v1.json"));
    }

    [Fact]
    public async Task OpenApiDocument_GivesEachActionWriteRequestItsOwnSchema_AndDocumentsIdempotencyKeys()
    {
        using var client = app.Anonymous();
        using var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Name.EndsWith("ActionWriteRequest", StringComparison.Ordinal))
            .ToDictionary(s => s.Name, s => s.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet());
        // Consultation, care-plan and co-ordination actions: three types, three schemas, each with its own shape.
        Assert.Equal(3, schemas.Count);
        Assert.Contains(schemas, s => s.Value.Contains("ownerId"));
        Assert.Contains(schemas, s => s.Value.Contains("what"));
        Assert.Contains(schemas, s => s.Value.Contains("ownerRepresentativeId"));

        var create = doc.RootElement.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/v1/cases").Value.GetProperty("post");
        Assert.Contains(create.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }

    [Fact]
    public async Task UnknownPage_ShowsTheNotFoundPage_ToASignedInUser()
    {
        var client = await app.PagesAsync(Pathway.Domain.Staff.StaffRole.Psychologist);
        var res = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("Page not found", await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class HealthAndSchemaTestsSqlite(SqliteApp app) : HealthAndSchemaTests(app), IClassFixture<SqliteApp>;

public sealed class HealthAndSchemaTestsPostgres(PostgresApp app) : HealthAndSchemaTests(app), IClassFixture<PostgresApp>;
