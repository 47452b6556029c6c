using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Home.Hubs;

[NotAudited("a list of links to the service's reports; each report audits its own view")]
public sealed class ReportsModel() : HubModel(Navigation.ReportsFor);
