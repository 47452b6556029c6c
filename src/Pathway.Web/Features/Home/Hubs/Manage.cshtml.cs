using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Home.Hubs;

[NotAudited("a list of links to settings and rules pages; no case or personal data")]
public sealed class ManageModel() : HubModel(Navigation.ManageFor);
