using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Auditing;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>
/// Starts the chain analysis of an incident with whatever is known so far: <c>POST …/incidents/{incidentId}/chain-analysis</c>
/// asks for the problem behaviour up front (<c>needProblem</c>); <see cref="ChainAnalysisModel"/> starts an empty one
/// the first time it is opened. An incident has one analysis.
/// </summary>
public sealed class StartChainAnalysis(PathwayDbContext db, AuditLog audit, TimeProvider clock, ChainAnalysisRecord record)
{
    private static readonly FieldError AlreadyStarted = new("Incident", "This incident already has a chain analysis: change that one");

    /// <param name="unreadable">What could not be read from the request: reported alone, before the links are checked.</param>
    public async Task<Outcome<Entity>> HandleAsync(CaseContext c, Guid incidentId, ChainAnalysisText text, IReadOnlyList<ChainLink>? links, bool needProblem,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await record.IncidentAsync(c, incidentId, ct) is not { } incident) return Outcome.NotFound<Entity>();
        if (unreadable.Count > 0) return Outcome.Invalid<Entity>(unreadable);
        var errors = text.Validate().ToList();
        if (needProblem && string.IsNullOrWhiteSpace(text.ProblemBehaviour))
            errors.Add(new(nameof(text.ProblemBehaviour), "Define the problem behaviour precisely: what was done, how, for how long"));
        var chain = ChainAnalysisRecord.BuildChain(links ?? [], errors);
        if (errors.Count > 0) return Outcome.Invalid<Entity>(errors);
        if (await db.ChainAnalyses.AnyAsync(a => a.IncidentId == incident.Id, ct)) return Outcome.Invalid<Entity>([AlreadyStarted]);

        var analysis = new Entity { IncidentId = incident.Id, CaseId = incident.CaseId, CreatedAt = clock.GetUtcNow() };
        text.CopyTo(analysis);
        analysis.SetChain(chain);
        db.ChainAnalyses.Add(analysis);
        audit.Add(AuditActions.ChainAnalysis.Create, "ChainAnalysis", analysis.Id, incident.CaseId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // One analysis per incident: someone started it at the same moment.
            db.ChangeTracker.Clear();
            return Outcome.Invalid<Entity>([AlreadyStarted]);
        }
        return analysis;
    }
}
