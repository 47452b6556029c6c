using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.UseCases;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>
/// Completes an analysis, from <see cref="ChainAnalysisModel"/> (with the steps as typed) or
/// <c>POST …/incidents/{incidentId}/chain-analysis/complete</c> (as saved): every DBT step, at least one link, the
/// solution analysis (a skill at one link at least) and the broad function. It then feeds the next care-plan review
/// and can no longer be changed. A stale version is a conflict with the analysis as saved now.
/// </summary>
public sealed class CompleteChainAnalysis(ChainAnalysisRecord record)
{
    /// <param name="text">The steps as typed on the page, or null to complete the analysis as saved.</param>
    /// <param name="unreadable">What could not be read from the request (no version sent): reported alone.</param>
    public async Task<Outcome<Entity>> HandleAsync(CaseContext c, Guid incidentId, int version, ChainAnalysisText? text,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await record.AnalysisAsync(c, incidentId, ct) is not { } a) return Outcome.NotFound<Entity>();
        if (unreadable.Count > 0) return Outcome.Invalid<Entity>(unreadable);
        return await record.ChangeAsync(a, version, text ?? ChainAnalysisText.From(a), _ => null, c.Who.UserId, ct);
    }
}
