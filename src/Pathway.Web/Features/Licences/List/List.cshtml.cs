using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.List;

/// <summary>A case's licence periods, newest first.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Licence.List)]
[CaseScoped(AccessNeed.Read, EntityType = "LicenceList")]
public sealed class ListModel(CurrentCase current, PathwayDbContext db) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Licences);
    public IReadOnlyList<LicenceListQuery.Row> Licences { get; private set; } = [];
    public bool CanEdit => current.Context.Can.Edit;

    public async Task OnGetAsync(CancellationToken ct) => Licences = await LicenceListQuery.RunAsync(db, current.Context.Id, ct);
}
