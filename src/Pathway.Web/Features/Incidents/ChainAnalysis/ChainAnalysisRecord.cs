using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Auditing;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>
/// What the chain-analysis handlers share: finding the incident and its analysis on the case in hand (a 404 with a
/// denied audit row otherwise), and the one way a draft analysis changes. A change validates everything before touching
/// the database (nothing partial is saved), checks the version the person read, stages its audit row and saves once; a
/// stale version is a conflict with the analysis as saved now, never a silent overwrite.
/// </summary>
public sealed class ChainAnalysisRecord(PathwayDbContext db, AuditLog audit, TimeProvider clock, CarePlanAccess access)
{
    /// <summary>The answer to any change of a completed analysis; the page shows it at the top, not against a field.</summary>
    public static readonly IReadOnlyList<FieldError> CompletedErrors = [new("Status", "This chain analysis is complete and can no longer be changed")];

    /// <summary>The incident on this case, for a role that sees incidents; null after a denied audit row.</summary>
    public async Task<Incident?> IncidentAsync(CaseContext c, Guid incidentId, CancellationToken ct)
    {
        if (await access.ViewAsync(c, ct, "ChainAnalysis", incidentId) is null) return null;
        return await access.FindIncidentAsync(db.Incidents.AsNoTracking(), c.Id, incidentId, ct);
    }

    /// <summary>The incident's analysis, tracked for a change; null (after a denied audit row) if there is none.</summary>
    public async Task<Entity?> AnalysisAsync(CaseContext c, Guid incidentId, CancellationToken ct)
    {
        if (await IncidentAsync(c, incidentId, ct) is null) return null;
        var a = await FindAsync(incidentId, track: true, ct);
        if (a is null) await audit.DeniedAsync("ChainAnalysis", incidentId, c.Id, ct);
        return a;
    }

    /// <summary>The incident's analysis with its links, or null if none has been started.</summary>
    public Task<Entity?> FindAsync(Guid incidentId, bool track, CancellationToken ct)
    {
        var query = db.ChainAnalyses.Include(x => x.Links).AsQueryable();
        if (!track) query = query.AsNoTracking();
        return query.FirstOrDefaultAsync(x => x.IncidentId == incidentId, ct);
    }

    /// <param name="chainChange">The chain to save (errors added to the list), or null to keep the chain as it is.</param>
    /// <param name="completedBy">Who completes the analysis; null for a draft save.</param>
    public async Task<Outcome<Entity>> ChangeAsync(Entity a, int version, ChainAnalysisText text, Func<List<FieldError>, Chain?> chainChange, Guid? completedBy,
        CancellationToken ct)
    {
        if (a.CompletedAt is not null) return Outcome.Invalid<Entity>(CompletedErrors);
        var errors = text.Validate().ToList();
        var chain = chainChange(errors);
        if (errors.Count == 0 && completedBy is not null)
        {
            errors.AddRange(ChainAnalysisRules.CanComplete(new ChainAnalysisFacts(text.ProblemBehaviour, text.VulnerabilityFactors, text.PromptingEvent,
                chain ?? a.ToChain(), text.ShortTermConsequences, text.LongTermConsequences, text.Function, text.PreventionAndRepair)));
            if (text.FunctionCategory is null) errors.Add(new(nameof(text.FunctionCategory), "Choose the broad function, so patterns across incidents can be seen"));
        }
        if (errors.Count > 0) return Outcome.Invalid<Entity>(errors);
        if (version != a.Version) return Outcome.Conflict(await CurrentAsync(a.IncidentId, ct));

        text.CopyTo(a);
        if (chain is not null)
        {
            db.ChainAnalysisLinks.RemoveRange(a.Links);
            a.SetChain(chain);
            db.ChainAnalysisLinks.AddRange(a.Links);
        }
        if (completedBy is { } who)
        {
            a.CompletedAt = clock.GetUtcNow();
            a.CompletedById = who;
        }
        if (db.Entry(a).State == EntityState.Unchanged) db.Entry(a).State = EntityState.Modified;
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        audit.Add(completedBy is null ? AuditActions.ChainAnalysis.Update : AuditActions.ChainAnalysis.Complete, "ChainAnalysis", a.Id, a.CaseId);
        try
        {
            await db.SaveChangesAsync(ct);
            return a;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict(await CurrentAsync(a.IncidentId, ct));
        }
    }

    /// <summary>The analysis as saved now, read afresh.</summary>
    public async Task<Entity> CurrentAsync(Guid incidentId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return (await FindAsync(incidentId, track: false, ct))!;
    }

    /// <summary>A chain from submitted links, each checked; errors name the link (<c>Links[2].Text</c>).</summary>
    public static Chain BuildChain(IReadOnlyList<ChainLink> links, List<FieldError> errors)
    {
        var chain = Chain.Empty;
        for (var i = 0; i < links.Count; i++)
        {
            var (next, error) = chain.Insert(chain.Links.Count, links[i]);
            if (error is null) chain = next;
            else if (error.Field == "Links") { errors.Add(error); break; }
            else errors.Add(new($"Links[{i}].{error.Field}", $"Link {i + 1}: {error.Message}"));
        }
        return chain;
    }
}
