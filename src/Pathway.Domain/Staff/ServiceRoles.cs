namespace Pathway.Domain.Staff;

/// <summary>
/// Roles held only by service accounts: other systems that call Pathway with an API token made by an operator on the
/// server (<c>pathway users add-service</c>, then <c>pathway tokens create</c>). They are not <see cref="StaffRole"/>s, so no
/// page offers them to a member of staff, no staff role implies one, and a service account sees no case through the
/// ordinary access rules: each role opens one endpoint and nothing else.
/// </summary>
public static class ServiceRoles
{
    /// <summary>HMPPS's central subject access request service (its <c>ROLE_SAR_DATA_ACCESS</c>): <c>GET /subject-access-request</c>.</summary>
    public const string SubjectAccess = "SubjectAccessService";

    public static readonly IReadOnlyList<string> All = [SubjectAccess];
}
