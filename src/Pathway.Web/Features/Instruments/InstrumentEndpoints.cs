using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Instruments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Web.Features.Instruments.Manage;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Instruments;

/// <summary>A published definition version in a list.</summary>
public sealed record InstrumentVersionDto(string Key, int Version, string Title, string Source, DateTimeOffset PublishedAt)
{
    public static InstrumentVersionDto From(InstrumentDefinitionRecord r) => new(r.Key, r.Version, r.Title, r.Source, r.PublishedAt);
}

public static class InstrumentEndpoints
{
    public static RouteGroupBuilder MapInstrumentEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/instruments").WithTags("Instruments");
        g.MapGet("/", ListAsync).Audited(AuditActions.Instrument.DefinitionList)
            .WithSummary("List every published instrument definition version, newest first within each instrument");
        g.MapGet("/{key}/versions/{version:int}", GetAsync).Audited(AuditActions.Instrument.DefinitionRead)
            .WithSummary("Get one definition version in the instrument JSON format (items, options, scoring rules, citation, licence)");
        g.MapPost("/", PublishAsync).Audited(AuditActions.Instrument.DefinitionPublish).RequireAuthorization(Policies.Administrator)
            .WithSummary("Publish a new definition version (administrators). The body is the definition JSON; errors name what is wrong");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<InstrumentVersionDto>>> ListAsync(PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var rows = await db.InstrumentDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published).ToListAsync(ct);
        await audit.ReadAsync("InstrumentDefinition", null, null, ct);
        return TypedResults.Ok<IReadOnlyList<InstrumentVersionDto>>(rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenByDescending(r => r.Version)
            .Select(InstrumentVersionDto.From).ToList());
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string key, int version, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var r = await db.InstrumentDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Version == version, ct);
        if (r is null) return TypedResults.NotFound();
        await audit.ReadAsync("InstrumentDefinition", $"{r.Key}/{r.Version}", null, ct);
        return TypedResults.Content(InstrumentJson.Write(InstrumentCatalogue.Definition(r)), "application/json");
    }

    private static async Task<Results<Created<InstrumentVersionDto>, ValidationProblem>> PublishAsync(
        JsonElement body, PublishInstrumentDefinition publish, HttpContext http, CancellationToken ct) =>
        await publish.HandleAsync(body.GetRawText(), http.User.ToStaffContext(), ct) switch
        {
            Outcome<InstrumentDefinitionRecord>.Done d =>
                TypedResults.Created($"/api/v1/instruments/{d.Value.Key}/versions/{d.Value.Version}", InstrumentVersionDto.From(d.Value)),
            Outcome<InstrumentDefinitionRecord>.Invalid i =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definition"] = [.. i.Errors.Select(e => e.Message)] }),
            var other => throw new InvalidOperationException($"Publishing cannot answer {other.GetType().Name}."),
        };
}
