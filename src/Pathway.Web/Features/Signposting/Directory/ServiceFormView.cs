using Pathway.Data.Entities;

namespace Pathway.Web.Features.Signposting.Directory;

public sealed record ServiceFormView(ServiceForm Form, IReadOnlyList<DirectoryOrganisation> Organisations);
