using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.UseCases;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>
/// Saves the written steps of a draft analysis and, if links are given, replaces the whole chain with them in that
/// order; from <see cref="ChainAnalysisModel"/> (steps only) or <c>PUT …/incidents/{incidentId}/chain-analysis</c>.
/// A stale version is a conflict with the analysis as saved now.
/// </summary>
public sealed class SaveChainAnalysis(ChainAnalysisRecord record)
{
    /// <param name="unreadable">What could not be read from the request: reported alone, before the links are checked.</param>
    public async Task<Outcome<Entity>> HandleAsync(CaseContext c, Guid incidentId, int version, ChainAnalysisText text, IReadOnlyList<ChainLink>? links,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await record.AnalysisAsync(c, incidentId, ct) is not { } a) return Outcome.NotFound<Entity>();
        if (unreadable.Count > 0) return Outcome.Invalid<Entity>(unreadable);
        return await record.ChangeAsync(a, version, text, errors => links is null ? null : ChainAnalysisRecord.BuildChain(links, errors), null, ct);
    }
}
