using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.UseCases;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>
/// Saves the written steps of a draft analysis and applies one edit to its chain (add, move or remove a link), as
/// <see cref="ChainAnalysisModel"/>'s plain form posts do. A stale version is a conflict with the analysis as saved now.
/// </summary>
public sealed class EditChainLinks(ChainAnalysisRecord record)
{
    /// <param name="edit">The edit, given the chain as saved: the new chain, or an error naming the field at fault.</param>
    /// <param name="unreadable">What the form could not supply (the kind of a new link): reported alone.</param>
    public async Task<Outcome<Entity>> HandleAsync(CaseContext c, Guid incidentId, int version, ChainAnalysisText text,
        Func<Chain, (Chain Chain, FieldError? Error)> edit, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await record.AnalysisAsync(c, incidentId, ct) is not { } a) return Outcome.NotFound<Entity>();
        if (unreadable.Count > 0) return Outcome.Invalid<Entity>(unreadable);
        return await record.ChangeAsync(a, version, text, errors =>
        {
            var (chain, error) = edit(a.ToChain());
            if (error is not null) errors.Add(error);
            return chain;
        }, null, ct);
    }
}
