using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Infrastructure.UseCases;

/// <summary>What the signed-in person may do with the case in hand (read is implied: they got this far).</summary>
/// <param name="Contribute">May add to the record (a behaviour of concern): anyone who may read it.</param>
/// <param name="Edit">May change the case's records and open its sharing page.</param>
public sealed record CasePermissions(bool Contribute, bool Edit);

/// <summary>
/// The case a use case works on, checked and audited by <see cref="CurrentCase"/> before the handler runs: the case,
/// who is asking, what they may do, and the one place a case page's header is built.
/// </summary>
public sealed record CaseContext(CaseRecord Case, StaffContext Who, CasePermissions Can, bool ShowAccessLog)
{
    public Guid Id => Case.Id;

    /// <summary>The identity bar and tabs; the Sharing tab shows exactly when the person may edit the case.</summary>
    public CaseHeader Header(CaseTab active, string? teamName = null) => new(Case, active, ShowAccessLog, teamName, ShowSharing: Can.Edit);
}
