using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Signposting;

/// <summary>The service directory: contradictory eligibility refused, versions guarded, checks recorded and audited.</summary>
public abstract class DirectoryTests(AppFixture app)
{
    private Guid OrgId => app.World.DirectoryOrganisation.Id;

    private Dictionary<string, object?> ValidService(string name) => new()
    {
        ["organisationId"] = OrgId,
        ["name"] = name,
        ["needsMet"] = new[] { "accommodation", "finance" },
        ["genders"] = new[] { "female" },
        ["minimumAge"] = 18,
        ["maximumAge"] = 65,
        ["areasServed"] = new[] { "zz", "AB1" },
        ["areasExcluded"] = new[] { "ZZ90" },
        ["roshCeiling"] = "high",
        ["exclusions"] = new[] { "arson" },
        ["requiresGpRegistration"] = true,
        ["referralRoute"] = "Referral form by email",
        ["waitingWeeks"] = 4,
    };

    private Task<int> CountServicesAsync(string name) => app.Factory.WithDbAsync(db => db.DirectoryServices.CountAsync(s => s.Name == name));

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Create_ViaApi_SavesTheRules_Normalised_AndAudits()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var res = await api.PostAsJsonAsync("/api/v1/directory/services", ValidService("Api housing"));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["ZZ", "AB1"], body.GetProperty("areasServed").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["arson"], body.GetProperty("exclusions").EnumerateArray().Select(a => a.GetString()));
        Assert.False(body.GetProperty("verificationDue").GetBoolean());
        var id = body.GetProperty("id").GetString();
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "directory.service.update" && e.EntityId == id)));

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/directory/services?need=accommodation");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        var other = await api.GetFromJsonAsync<JsonElement>("/api/v1/directory/services?need=physicalHealth");
        Assert.DoesNotContain(other.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ContradictoryEligibility_IsRefused_WithEachReason_AndNothingSaved()
    {
        using var api = app.Api(StaffRole.ClinicalLead);
        var bad = ValidService("Contradictory");
        bad["minimumAge"] = 40;
        bad["maximumAge"] = 30;
        bad["areasServed"] = new[] { "ZZ1" };
        bad["areasExcluded"] = new[] { "ZZ1" };
        bad["needsMet"] = Array.Empty<string>();
        var errors = await ErrorsOf(await api.PostAsJsonAsync("/api/v1/directory/services", bad));
        Assert.Equal("Maximum age (30) cannot be lower than the minimum age (40): nobody could be referred", errors.GetProperty("maximumAge")[0].GetString());
        Assert.Contains(errors.GetProperty("areasExcluded").EnumerateArray(), m => m.GetString() == "ZZ1 is both served and excluded");
        Assert.Equal("Choose at least one need the service meets", errors.GetProperty("needsMet")[0].GetString());
        Assert.Equal(0, await CountServicesAsync("Contradictory"));
    }

    [Fact]
    public async Task UnknownValues_AreNamedAgainstTheirField()
    {
        using var api = app.Api(StaffRole.ClinicalLead);
        var bad = ValidService("Unknown values");
        bad["exclusions"] = new[] { "arsonist" };
        bad["roshCeiling"] = "extreme";
        var errors = await ErrorsOf(await api.PostAsJsonAsync("/api/v1/directory/services", bad));
        Assert.StartsWith("'arsonist' is not a risk flag", errors.GetProperty("exclusions")[0].GetString());
        Assert.StartsWith("'extreme' is not allowed", errors.GetProperty("roshCeiling")[0].GetString());
        Assert.Equal(0, await CountServicesAsync("Unknown values"));
        // A field that cannot be read stops the save even when everything else is valid.
        var onlyOne = ValidService("Unknown values");
        onlyOne["genders"] = new[] { "unknown" };
        await ErrorsOf(await api.PostAsJsonAsync("/api/v1/directory/services", onlyOne));
        Assert.Equal(0, await CountServicesAsync("Unknown values"));
    }

    [Fact]
    public async Task Update_WithAStaleVersion_Is409_AndChangesNothing()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var created = await (await api.PostAsJsonAsync("/api/v1/directory/services", ValidService("Versioned"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var first = ValidService("Versioned");
        first["waitingWeeks"] = 6;
        first["version"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/directory/services/{id}", first)).StatusCode);
        var second = ValidService("Versioned");
        second["waitingWeeks"] = 9;
        second["version"] = 1;
        var res = await api.PutAsJsonAsync($"/api/v1/directory/services/{id}", second);
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("currentVersion").GetInt32());
        Assert.Equal(6, body.GetProperty("current").GetProperty("waitingWeeks").GetInt32());
    }

    [Fact]
    public async Task Verify_RecordsTodaysCheck_AndClearsTheFlag()
    {
        var id = await app.Factory.WithDbAsync(async db =>
        {
            var s = new Pathway.Data.Entities.DirectoryService
            {
                OrganisationId = OrgId, Name = "Stale entry", ReferralRoute = "Phone", NeedsMet = [Pathway.Domain.Assessments.NeedArea.Finance],
                LastVerifiedOn = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.DirectoryServices.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var pages = await app.PagesAsync(StaffRole.Psychologist);
        var list = await AppFixture.TextAsync(await pages.GetAsync("/directory?Unverified=true"));
        Assert.Contains("Stale entry", list);
        Assert.Contains("Check due", list);

        var res = await AppFixture.PostFormAsync(pages, $"/directory/services/{id}?handler=Verify", new() { ["Version"] = "1" }, formPage: $"/directory/services/{id}");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("Stale entry marked as checked today", await AppFixture.TextAsync(await pages.GetAsync(res.Headers.Location!.ToString())));
        var verified = await app.Factory.WithDbAsync(db => db.DirectoryServices.SingleAsync(s => s.Id == id));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), verified.LastVerifiedOn);
        Assert.Equal(app.World.Users[StaffRole.Psychologist].Id, verified.LastVerifiedById);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "directory.service.verify" && e.EntityId == id.ToString())));
        Assert.DoesNotContain("Stale entry", await AppFixture.TextAsync(await pages.GetAsync("/directory?Unverified=true")));
    }

    [Fact]
    public async Task ThePage_RefusesContradictions_InTheErrorSummary_ThenSavesAValidEntry()
    {
        var pages = await app.PagesAsync(StaffRole.ClinicalLead);
        var form = new Dictionary<string, string>
        {
            ["Form.OrganisationId"] = OrgId.ToString(), ["Form.Name"] = "Page service", ["Form.NeedsMet"] = "SubstanceUse",
            ["Form.MinimumAge"] = "70", ["Form.MaximumAge"] = "60", ["Form.AreasServed"] = "ZZ", ["Form.AreasExcluded"] = "",
            ["Form.RoshCeiling"] = "", ["Form.RequiresGpRegistration"] = "no", ["Form.ReferralRoute"] = "Drop in", ["Form.OpenToReferrals"] = "yes",
            ["Form.WaitingWeeks"] = "two",
        };
        var refused = await AppFixture.PostFormAsync(pages, "/directory/services/new", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await AppFixture.TextAsync(refused);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("Maximum age (60) cannot be lower than the minimum age (70): nobody could be referred", html);
        Assert.Contains("Waiting time must be a whole number", html);
        Assert.Equal(0, await CountServicesAsync("Page service"));

        form["Form.MaximumAge"] = "";
        form["Form.WaitingWeeks"] = "2";
        var saved = await AppFixture.PostFormAsync(pages, "/directory/services/new", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = await AppFixture.TextAsync(await pages.GetAsync(saved.Headers.Location!.ToString()));
        Assert.Contains("Page service", detail);
        Assert.Contains("70 and over", detail);
        Assert.Equal(1, await CountServicesAsync("Page service"));
    }

    [Fact]
    public async Task Organisations_AreUniqueByName_AndTheirPartnerTeamMustBeAPartnerTeam()
    {
        using var api = app.Api(StaffRole.ClinicalLead);
        var dup = await ErrorsOf(await api.PostAsJsonAsync("/api/v1/directory/organisations", new { name = "World Wellbeing", sector = "voluntaryAndCommunity" }));
        Assert.Equal("An organisation with this name is already in the directory", dup.GetProperty("name")[0].GetString());
        var team = await ErrorsOf(await api.PostAsJsonAsync("/api/v1/directory/organisations", new { name = "Wrong team org", sector = "housing", partnerTeamId = app.World.TeamA.Id }));
        Assert.Equal("Choose a partner-organisation team, or none", team.GetProperty("partnerTeamId")[0].GetString());
        var ok = await api.PostAsJsonAsync("/api/v1/directory/organisations", new { name = "New housing org", sector = "housing", website = "https://housing.example.org" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }
}

public sealed class DirectoryTestsSqlite(SqliteApp app) : DirectoryTests(app), IClassFixture<SqliteApp>;

public sealed class DirectoryTestsPostgres(PostgresApp app) : DirectoryTests(app), IClassFixture<PostgresApp>;
