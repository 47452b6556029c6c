using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Referrals.Map;

/// <summary>One stage: <c>people</c> is null where disclosure control hid it (service-wide view).</summary>
public sealed record PathwayMapStageDto(string Stage, int? People, double? MedianDays, int? LongestDays);
public sealed record PathwayMapWaitingDto(Guid CaseId, string Name, string Crn, string Stage, int Days);
public sealed record PathwayMapDto(bool CountsOnly, IReadOnlyList<PathwayMapStageDto> Stages, int? Total, IReadOnlyList<PathwayMapWaitingDto> Longest);

public static class PathwayMapEndpoint
{
    public static RouteGroupBuilder MapPathwayMapEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/pathway-map", GetAsync).WithTags("Referrals").RequireAuthorization(Policies.PathwayMapReader).Audited(AuditActions.Pathway.MapRead)
            .WithSummary("People at each open stage of the care pathway; counts only, suppressed, for service managers");
        return api;
    }

    private static async Task<Ok<PathwayMapDto>> GetAsync(PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = await PathwayMapQuery.RunAsync(db, http.User.ToStaffContext(), clock.GetUtcNow(), ct);
        await audit.ReadAsync("PathwayMap", null, null, ct);
        if (v.Suppressed is { } t)
            return TypedResults.Ok(new PathwayMapDto(true,
                v.Stages.Select((s, i) => new PathwayMapStageDto(Api.Name(s.Stage), t.Cell(i, 0).Published, null, null)).ToList(), t.GrandTotal.Published, []));
        return TypedResults.Ok(new PathwayMapDto(false,
            v.Stages.Select(s => new PathwayMapStageDto(Api.Name(s.Stage), s.People, s.MedianDays, s.LongestDays)).ToList(), v.Stages.Sum(s => s.People),
            v.Longest.Select(p => new PathwayMapWaitingDto(p.CaseId, p.Name, p.Crn, Api.Name(p.Stage), p.Days)).ToList()));
    }
}
