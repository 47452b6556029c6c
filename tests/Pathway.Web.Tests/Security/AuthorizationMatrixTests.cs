using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pathway.Web.Tests.Security;

/// <summary>
/// Walks every endpoint and page × every role × a case in scope, out of scope and restricted, and checks the answer
/// against the access model: a role without the screen's policy is refused; a case outside scope is a 404 with a denied
/// audit row; a case in scope is served. An endpoint this test cannot classify fails it, so new endpoints join the matrix.
/// The walk is several thousand requests, so it is dealt into parts (every <see cref="Parts"/>th endpoint from
/// <see cref="Part"/>), each a class of its own, which the test runner runs side by side.
/// </summary>
public abstract class AuthorizationMatrix(AppFixture app, ITestOutputHelper output)
{
    /// <summary>Which part of the endpoints this class walks (0-based), of how many.</summary>
    protected virtual int Part => 0;
    protected virtual int Parts => 1;

    private protected enum Scope { None, InScope, OutOfScope, Restricted }

    private protected sealed record Probe(string Method, string Template, bool IsApi, IReadOnlyList<string> Policies, bool Anonymous);

    private protected IReadOnlyList<Probe> Endpoints()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var probes = new List<Probe>();
        foreach (var e in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (template.StartsWith("/api/docs", StringComparison.Ordinal) || template.StartsWith("/openapi", StringComparison.Ordinal)
                || template.StartsWith("/health", StringComparison.Ordinal)) continue; // anonymous by design, no data; see HealthAndSchemaTests
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPage = e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>().Any()
                || e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().Any();
            var policies = e.Metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Where(p => p.Length > 0 && p != Policies.Api).Distinct().ToList();
            var anonymous = e.Metadata.OfType<IAllowAnonymous>().Any();
            foreach (var m in isPage ? ["GET"] : methods)
                probes.Add(new Probe(m, template, IsTokenApi(template), policies, anonymous));
        }
        // Page handlers that serve a file are not endpoints of their own: probe them with their page's policies.
        foreach (var (page, handler) in PageHandlers)
        {
            var owner = probes.Single(p => p.Template == page && p.Method == "GET");
            probes.Add(owner with { Template = handler });
        }
        return probes.DistinctBy(p => (p.Method, p.Template)).OrderBy(p => p.Template).ThenBy(p => p.Method).ToList();
    }

    /// <summary>(page template, the handler's URL with its default choices).</summary>
    private protected static readonly (string Page, string Handler)[] PageHandlers =
    [
        ("/evaluation/pack", "/evaluation/pack?handler=Pdf"), // the quarterly pack PDF, last completed quarter, all teams
    ];

    /// <summary>The roles each policy admits come from <see cref="Policies.RoleTable"/> (pinned by <see cref="PolicyRoleTableTests"/>).
    /// Members' staff pass the co-ordination reader policy by role, then by being an active representative: every such role
    /// is one in the world (GroupWorld).</summary>
    private protected static bool Passes(StaffRole role, string policy) =>
        policy == Policies.BreakGlass ? CaseAccessRules.CanBreakGlass(new StaffContext(Guid.Empty, new HashSet<StaffRole> { role }, null))
        // HMPPS's subject access request service: a service account's role, which no member of staff holds.
        : policy == Policies.SubjectAccessService ? false
        : Policies.RoleTable.TryGetValue(policy, out var roles) ? roles.Contains(role)
        : throw new InvalidOperationException($"The matrix does not know policy '{policy}'. Add it to Policies.RoleTable or teach AuthorizationMatrixTests.Passes.");

    /// <summary>The JSON API, the FHIR export and HMPPS's subject access request contract are called with API tokens.</summary>
    private protected static bool IsTokenApi(string template) =>
        template.StartsWith("/api/", StringComparison.Ordinal) || template.StartsWith("/fhir/", StringComparison.Ordinal)
        || template == Pathway.Web.Features.SubjectAccess.SubjectAccessEndpoint.Path;

    private protected static bool IsCaseScoped(string template) =>
        template.StartsWith("/cases/{", StringComparison.Ordinal) || template.StartsWith("/api/v1/cases/{", StringComparison.Ordinal)
        || template.StartsWith("/fhir/r4/Patient/{", StringComparison.Ordinal)
        || template.StartsWith("/fhir/r4/QuestionnaireResponse/{", StringComparison.Ordinal)
        || template.StartsWith("/fhir/r4/RiskAssessment/{", StringComparison.Ordinal)
        || template.StartsWith("/fhir/r4/CarePlan/{", StringComparison.Ordinal)
        || template.StartsWith("/fhir/r4/Goal/{", StringComparison.Ordinal);

    private protected (string Path, Guid? CaseId) Fill(string template, Scope scope)
    {
        var w0 = app.World;
        if (template.StartsWith("/admin/users/{id", StringComparison.Ordinal))
            return (template.Replace(template.Split('/')[3], w0.Users[StaffRole.Psychologist].Id.ToString(), StringComparison.Ordinal), null);
        if (template.StartsWith("/admin/teams/{id", StringComparison.Ordinal))
            return (template.Replace(template.Split('/')[3], w0.TeamB.Id.ToString(), StringComparison.Ordinal), null);
        var w = app.World;
        var c = scope switch { Scope.InScope => w.InScope, Scope.OutOfScope => w.OutOfScope, Scope.Restricted => w.Restricted, _ => null };
        var path = template;
        foreach (var segment in template.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment.Trim('{', '}').Split(':')[0];
            var value = name switch
            {
                "id" or "caseId" => c?.Id.ToString() ?? throw new InvalidOperationException($"{template} needs a case"),
                "licenceId" => (scope switch { Scope.OutOfScope => w.OutOfScopeLicence, Scope.Restricted => w.RestrictedLicence, _ => w.InScopeLicence }).Id.ToString(),
                "conditionId" => (scope switch { Scope.OutOfScope => w.OutOfScopeCondition, Scope.Restricted => w.RestrictedCondition, _ => w.InScopeCondition }).Id.ToString(),
                "responseId" => (scope switch { Scope.OutOfScope => w.OutOfScopeScreening, Scope.Restricted => w.RestrictedScreening, _ => w.InScopeScreening }).Id.ToString(),
                "key" => "sapas",
                "questionnaireId" => "sapas-v1",
                "riskAssessmentId" => $"rosh-{c!.Id}",
                "version" => "1",
                "consultationId" => (scope == Scope.Restricted ? w.RestrictedConsultation : w.InScopeConsultation).Id.ToString(),
                "actionId" => (scope == Scope.Restricted ? w.RestrictedAction : w.InScopeAction).Id.ToString(),
                "assessmentId" => (scope switch { Scope.OutOfScope => w.OutOfScopeAssessment, Scope.Restricted => w.RestrictedAssessment, _ => w.InScopeAssessment }).Id.ToString(),
                "section" when template.Contains("/care-plan", StringComparison.Ordinal) => "triggers-and-early-warning-signs",
                "section" => "formulation",
                "code" => "404",
                // Training: the first course, its first lesson, module and questions; pages answer 200 whether or not
                // the person is enrolled (or a draft exists), explaining what to do next.
                "slug" => Pathway.Data.Training.CourseContentFiles.FirstCourseSlug,
                "lessonKey" => "what-personality-disorder-is",
                "moduleKey" => "recognising",
                "questionKey" => "t01",
                "subscaleKey" => "understanding",
                "statementKey" => "at01",
                "phase" => "before",
                "number" => "PWT-0000-0000-0000-0000-0000",
                _ when w.RecordIds.TryGetValue(name, out var ids) => (scope switch { Scope.OutOfScope => ids.OutOfScope, Scope.Restricted => ids.Restricted, _ => ids.InScope }).ToString(),
                "planId" or "carePlanId" => w.Plans[c!.Id].Id.ToString(),
                "serviceId" => w.DirectoryService.Id.ToString(),
                "organisationId" => w.DirectoryOrganisation.Id.ToString(),
                "incidentId" => w.Incidents[c!.Id].Id.ToString(),
                _ => throw new InvalidOperationException($"The matrix does not know route parameter '{name}' in {template}. Teach it in AuthorizationMatrixTests.Fill."),
            };
            path = path.Replace(segment, value, StringComparison.Ordinal);
        }
        return (path, c?.Id);
    }

    private protected bool CanRead(StaffRole role, Scope scope)
    {
        var w = app.World;
        var c = scope switch { Scope.InScope => w.InScope, Scope.OutOfScope => w.OutOfScope, _ => w.Restricted };
        var who = new StaffContext(w.Users[role].Id, new HashSet<StaffRole> { role }, w.Users[role].TeamId);
        var facts = new CaseScope(c.TeamId, c.ReferredToServiceOn is not null, c.ApprovedPremisesId, c.Shares.Select(s => s.TeamId).ToArray(),
            c.IsRestricted, c.NamedStaff.Select(n => n.UserId).ToArray(), false);
        return CaseAccessRules.CanRead(who, facts);
    }

    /// <summary>
    /// Whether roles a route's policy turns away are checked. A policy refusal is decided from the signed-in user's
    /// roles before any query runs, so it cannot differ between databases: SQLite checks them, PostgreSQL checks what
    /// depends on the data (every role the policy lets in, on every case scope, with its denied audit rows).
    /// </summary>
    protected virtual bool ChecksPolicyRefusals => true;

    [Fact]
    public async Task EveryEndpoint_ForEveryRole_AndCaseScope_AnswersAsTheAccessModelSays()
    {
        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var probe in Endpoints().Where((_, i) => i % Parts == Part))
        {
            if (probe.Anonymous) continue;
            var caseScoped = IsCaseScoped(probe.Template);
            Scope[] scopes = caseScoped ? [Scope.InScope, Scope.OutOfScope, Scope.Restricted] : [Scope.None];
            foreach (var role in Enum.GetValues<StaffRole>())
            {
                // A role the route's policy turns away is turned away before any case is loaded, whatever the case: one
                // scope proves it.
                var turnedAway = !probe.Policies.All(p => Passes(role, p));
                if (turnedAway && !ChecksPolicyRefusals) continue;
                foreach (var scope in turnedAway ? scopes[..1] : scopes)
                {
                    var (path, caseId) = Fill(probe.Template, scope);
                    var expected = Expect(probe, role, scope, caseScoped);
                    var before = expected.Contains(HttpStatusCode.NotFound) ? await LastAuditSequenceAsync() : 0;
                    var status = await SendAsync(probe, role, path);
                    checkedCount++;
                    if (!expected.Contains(status))
                        failures.AppendLine($"{probe.Method} {path} ({probe.Template}) as {role}, {scope}: got {(int)status}, expected {string.Join(" or ", expected.Select(s => (int)s))}");
                    else if (status == HttpStatusCode.NotFound && caseId is { } id && !await DeniedAuditExistsAsync(before, role, id))
                        failures.AppendLine($"{probe.Method} {path} as {role}: 404 without a denied audit row");
                }
            }
        }
        output.WriteLine($"{checkedCount} endpoint × role × scope combinations checked on {app.Factory.Provider} (part {Part + 1} of {Parts}).");
        Assert.True(checkedCount > 100, "The matrix found too few endpoints to be meaningful.");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private protected HttpStatusCode[] Expect(Probe probe, StaffRole role, Scope scope, bool caseScoped)
    {
        // Screens a role may not use at all: the API says 403; pages send to the access-denied page.
        if (!probe.Policies.All(p => Passes(role, p)))
            return probe.IsApi ? [HttpStatusCode.Forbidden] : [HttpStatusCode.Redirect];
        if (caseScoped && !CanRead(role, scope)) return [HttpStatusCode.NotFound];
        // The whole care plan as PDF is not for roles that work from the one-page summary: theirs is the summary PDF.
        if ((probe.Template.EndsWith("/care-plans/{planId:guid}/pdf", StringComparison.Ordinal)
                || probe.Template.StartsWith("/fhir/r4/CarePlan/", StringComparison.Ordinal) || probe.Template.StartsWith("/fhir/r4/Goal/", StringComparison.Ordinal)
                || probe.Template.EndsWith("/CarePlan", StringComparison.Ordinal))
            && Pathway.Domain.CarePlans.CarePlanSections.ViewFor(new HashSet<StaffRole> { role }) == Pathway.Domain.CarePlans.CarePlanView.Summary)
            return [HttpStatusCode.NotFound];
        // Enrolling oneself on a course takes no body: the first call answers 201 with the enrolment, a repeat 200.
        if (probe.Method == "POST" && probe.Template == "/api/v1/training/courses/{slug}/enrolment")
            return [HttpStatusCode.Created, HttpStatusCode.OK];
        if (probe.Method is "POST" or "PUT")
            return IsCaseScoped(probe.Template) || probe.IsApi ? [HttpStatusCode.BadRequest] : [HttpStatusCode.OK];
        return [HttpStatusCode.OK];
    }

    private protected async Task<HttpStatusCode> SendAsync(Probe probe, StaffRole role, string path)
    {
        var client = probe.IsApi ? app.Api(role) : await app.PagesAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), path);
        if (probe.Method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        if (probe.IsApi) client.Dispose();
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) != true)
            return HttpStatusCode.Ambiguous; // any other redirect is a surprise worth reporting
        return response.StatusCode;
    }

    private protected Task<long> LastAuditSequenceAsync() =>
        app.Factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => (long?)a.Sequence).ContinueWith(t => t.Result ?? 0));

    private protected Task<bool> DeniedAuditExistsAsync(long after, StaffRole role, Guid caseId)
    {
        var userId = app.World.Users[role].Id;
        return app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.Sequence > after && a.UserId == userId && a.Outcome == AuditOutcome.Denied && (a.CaseId == caseId || a.EntityId == caseId.ToString())));
    }
}

/// <summary>The matrix's first part, and the checks that walk every route once: case-scoped reads are audited with the
/// case, and a POST to a page without a POST handler is a 405.</summary>
public abstract class AuthorizationMatrixTests(AppFixture app, ITestOutputHelper output) : AuthorizationMatrix(app, output)
{
    private readonly AppFixture app = app;
    private readonly ITestOutputHelper output = output;

    /// <summary>The first role the route lets in that may also read the in-scope case: a reader of the route.</summary>
    private protected StaffRole? Reader(Probe probe) =>
        Enum.GetValues<StaffRole>().Cast<StaffRole?>().FirstOrDefault(r =>
            probe.Policies.All(p => Passes(r!.Value, p)) && Expect(probe, r!.Value, Scope.InScope, IsCaseScoped(probe.Template)).Contains(HttpStatusCode.OK));

    [Fact]
    public async Task EveryCaseScopedRead_ByAReaderWhoMaySeeTheCase_WritesAnAuditRowWithTheCaseId()
    {
        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var probe in Endpoints().Where(p => p.Method == "GET" && !p.Anonymous && IsCaseScoped(p.Template)))
        {
            if (Reader(probe) is not { } role)
            {
                failures.AppendLine($"{probe.Template}: no role may read it on the in-scope case");
                continue;
            }
            var (path, caseId) = Fill(probe.Template, Scope.InScope);
            var before = await LastAuditSequenceAsync();
            var status = await SendAsync(probe, role, path);
            checkedCount++;
            var userId = app.World.Users[role].Id;
            if (status != HttpStatusCode.OK)
                failures.AppendLine($"GET {path} ({probe.Template}) as {role}: got {(int)status}, expected 200");
            else if (!await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Sequence > before && a.UserId == userId && a.CaseId == caseId)))
                failures.AppendLine($"GET {path} ({probe.Template}) as {role}: no audit row with the case id");
        }
        output.WriteLine($"{checkedCount} case-scoped reads checked on {app.Factory.Provider}.");
        Assert.True(checkedCount > 20, "Too few case-scoped routes found to be meaningful.");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task EveryPageWithoutAPostHandler_AnswersAPostWithAValidAntiforgeryToken_With405AndAllow()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var pages = sources.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>().FirstOrDefault()))
            .Where(x => x.Page is not null && !x.Page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            .Select(x => "/" + (x.Endpoint.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var probes = Endpoints().Where(p => p.Method == "GET" && !p.IsApi).ToDictionary(p => p.Template);
        var failures = new StringBuilder();
        foreach (var template in pages)
        {
            if (!probes.TryGetValue(template, out var probe)) continue; // anonymous-by-design routes the matrix skips
            StaffRole? role = probe.Anonymous ? StaffRole.ClinicalLead : Reader(probe);
            if (role is null)
            {
                failures.AppendLine($"{template}: no role may open it");
                continue;
            }
            // An optional parameter (the certificate number on /verify) is left out.
            var (path, _) = Fill(System.Text.RegularExpressions.Regex.Replace(template, "/\\{[^}]*\\?\\}", ""), IsCaseScoped(template) ? Scope.InScope : Scope.None);
            var client = await app.PagesAsync(role.Value);
            var home = await client.GetStringAsync("/");
            var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
            Assert.True(token.Success, $"No antiforgery token on the home page for {role}");
            using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }));
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed || !response.Content.Headers.Allow.Contains("GET"))
                failures.AppendLine($"POST {path} as {role}: got {(int)response.StatusCode} (Allow: {string.Join(",", response.Content.Headers.Allow)}), expected 405 with Allow: GET");
        }
        output.WriteLine($"{pages.Count} pages without a POST handler posted to on {app.Factory.Provider}.");
        Assert.True(pages.Count > 20, "Too few GET-only pages found to be meaningful.");
        Assert.True(failures.Length == 0, failures.ToString());
    }

}

public sealed class AuthorizationMatrixTestsSqlite(SqliteApp app, ITestOutputHelper output) : AuthorizationMatrixTests(app, output), IClassFixture<SqliteApp>
{
    protected override int Parts => 3;
}

/// <summary>The matrix's second part on SQLite, a class of its own so that it runs beside the others.</summary>
public sealed class AuthorizationMatrixTestsSqlitePart2(SqliteApp app, ITestOutputHelper output) : AuthorizationMatrix(app, output), IClassFixture<SqliteApp>
{
    protected override int Part => 1;
    protected override int Parts => 3;
}

/// <summary>The matrix's third part on SQLite.</summary>
public sealed class AuthorizationMatrixTestsSqlitePart3(SqliteApp app, ITestOutputHelper output) : AuthorizationMatrix(app, output), IClassFixture<SqliteApp>
{
    protected override int Part => 2;
    protected override int Parts => 3;
}

public sealed class AuthorizationMatrixTestsPostgres(PostgresApp app, ITestOutputHelper output) : AuthorizationMatrixTests(app, output), IClassFixture<PostgresApp>
{
    protected override bool ChecksPolicyRefusals => false;
    protected override int Parts => 2;
}

/// <summary>The matrix's second part on PostgreSQL: the walk there renders every page a role is let into on every case
/// scope, the longest single test in the suite, so it is dealt in two to run beside the rest.</summary>
public sealed class AuthorizationMatrixTestsPostgresPart2(PostgresApp app, ITestOutputHelper output) : AuthorizationMatrix(app, output), IClassFixture<PostgresApp>
{
    protected override bool ChecksPolicyRefusals => false;
    protected override int Part => 1;
    protected override int Parts => 2;
}
