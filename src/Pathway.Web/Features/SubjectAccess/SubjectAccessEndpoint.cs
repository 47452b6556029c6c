using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.SubjectAccess;

/// <summary>
/// HMPPS's subject access request contract (hmpps-kotlin-lib), at HMPPS's path rather than under <c>/api/v1</c> so that
/// the central SAR service calls Pathway as it calls every HMPPS service: <c>GET /subject-access-request?prn=&amp;crn=&amp;fromDate=&amp;toDate=</c>.
/// 200 <c>{content, attachments}</c>; 204 the person is known but nothing is dated in the range; 209 the identifier is not
/// known here; 400 neither identifier, or a malformed date; 401 without a token; 403 with a token of another role.
/// </summary>
public static class SubjectAccessEndpoint
{
    public const string Path = "/subject-access-request";

    /// <summary>HMPPS's "subject identifier is not recognised by this service".</summary>
    public const int IdentifierNotKnown = 209;

    public static IEndpointRouteBuilder MapSubjectAccessEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetAsync)
            .RequireAuthorization(Policies.SubjectAccessService)
            .Audited(AuditActions.SubjectAccess.HmppsRead)
            .WithTags("Subject access request")
            .WithSummary("Everything Pathway holds about a person, for HMPPS's subject access request service")
            .WithDescription("For a service account with the SubjectAccessService role (HMPPS's ROLE_SAR_DATA_ACCESS). Pathway holds "
                + "CRNs, not NOMIS prison numbers: a request by prn alone answers 209. Dates are yyyy-MM-dd and inclusive.")
            .Produces(StatusCodes.Status204NoContent)
            .Produces(IdentifierNotKnown)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<SubjectAccessResponse>, NoContent, StatusCodeHttpResult, ValidationProblem>> GetAsync(
        string? prn, string? crn, string? fromDate, string? toDate, GatherSubjectAccessContent handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(new SubjectAccessQuery(prn, crn, fromDate, toDate), ct);
        return outcome switch
        {
            Outcome<SubjectAccessAnswer>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors(), title: "One of prn or crn must be supplied, and dates as yyyy-MM-dd."),
            Outcome<SubjectAccessAnswer>.Done { Value.Known: false } => TypedResults.StatusCode(IdentifierNotKnown),
            Outcome<SubjectAccessAnswer>.Done { Value.Content: { HasRecords: true } content } => TypedResults.Ok(new SubjectAccessResponse(content, [])),
            Outcome<SubjectAccessAnswer>.Done => TypedResults.NoContent(),
            _ => throw new InvalidOperationException($"The subject access endpoint cannot present {outcome.GetType().Name}."),
        };
    }
}
