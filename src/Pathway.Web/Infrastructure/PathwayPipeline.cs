using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Pathway.Web.Features.Assessments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Fhir;
using Pathway.Web.Features.Instruments;
using Pathway.Web.Features.Licences;
using Pathway.Web.Features.Screening;
using Pathway.Web.Features.Consultations;
using Pathway.Web.Features.Referrals;
using Pathway.Web.Features.Referrals.Map;
using Pathway.Web.Features.Compliance;
using Pathway.Web.Features.Signposting;
using Pathway.Web.Features.Signposting.Directory;
using Pathway.Web.Features.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Scalar.AspNetCore;

namespace Pathway.Web.Infrastructure;

public static class PathwayPipeline
{
    public static WebApplication MapPathway(this WebApplication app)
    {
        // First, so that the scheme (Secure cookies, HSTS) and the client address (rate limits, logs) are the ones the
        // trusted proxy saw.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        // API callers get ProblemDetails with a trace id; people get a GOV.UK page with a reference and no stack trace.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<Errors.ProblemContentType>());
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            if (app.Environment.IsDevelopment()) pages.UseDeveloperExceptionPage();
            else pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorEnforcement>();
        app.UseAuthorization();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api/v1"), a => a.UseMiddleware<Idempotency.IdempotencyKeys>());
        app.UseMiddleware<CaseReadAudit>();

        app.MapRazorPages();

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).WithTags("v1");
        api.MapCaseEndpoints();
        api.MapLicenceEndpoints();
        api.MapInstrumentEndpoints();
        api.MapScreeningEndpoints();
        app.MapFhir();
        api.MapReferralEndpoints();
        api.MapConsultationEndpoints();
        api.MapOgrs3Endpoints();
        api.MapAssessmentEndpoints();
        api.MapComplianceEndpoints();
        api.MapDirectoryEndpoints();
        api.MapSignpostingEndpoints();
        api.MapPathwayMapEndpoint();
        Features.CarePlans.CarePlanEndpoints.MapCarePlanEndpoints(api);
        Features.CarePlans.CarePlanRowEndpoints.MapCarePlanRowEndpoints(api);
        Features.Incidents.IncidentEndpoints.MapIncidentEndpoints(api);
        Features.Compliance.Recall.RecallEndpoints.MapRecallEndpoints(api);
        api.MapTrainingEndpoints();
        Features.Coordination.CoordinationEndpoints.MapCoordinationEndpoints(api);
        Features.Tasks.TaskEndpoints.MapTaskEndpoints(api);
        Features.SubjectAccess.SubjectAccessEndpoint.MapSubjectAccessEndpoint(app);

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().WithMetadata(new NotAuditedAttribute("API description, no data"));
        // The reference page asks for the document relative to itself.
        app.MapOpenApi("/api/docs/openapi/{documentName}.json").AllowAnonymous().WithMetadata(new NotAuditedAttribute("API description, no data"));
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Pathway API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous().WithMetadata(new NotAuditedAttribute("API reference page, no data"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().WithMetadata(new NotAuditedAttribute("liveness probe"));
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .AllowAnonymous().WithMetadata(new NotAuditedAttribute("readiness probe"));
        return app;
    }

    private static bool IsApi(HttpContext c) =>
        c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments(FhirEndpoints.Base)
        || c.Request.Path.StartsWithSegments(Features.SubjectAccess.SubjectAccessEndpoint.Path);

    /// <summary>Declares an endpoint's audit action (see <see cref="AuditedAttribute"/>).</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder b, string action) => b.WithMetadata(new AuditedAttribute(action));
}
