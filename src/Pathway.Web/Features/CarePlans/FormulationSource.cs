namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// Where a new care plan's "Understanding this person" starts from: the summary of the case's latest formulation
/// (5 Ps). This is the seam to the specialist assessment: until that area lands there is no formulation to draw
/// from, so a first plan starts blank and a later version starts from the active one.
/// </summary>
public interface IFormulationSource
{
    Task<string?> LatestSummaryAsync(Guid caseId, CancellationToken ct);
}

/// <summary>No formulations are recorded yet. Replace with a reader of the latest completed formulation.</summary>
public sealed class NoFormulationYet : IFormulationSource
{
    public Task<string?> LatestSummaryAsync(Guid caseId, CancellationToken ct) => Task.FromResult<string?>(null);
}
