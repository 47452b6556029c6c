using Microsoft.AspNetCore.Authorization;
using Pathway.Data.Security;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Coarse role policies. They only decide which screens someone may open at all; whether they may see a particular
/// case is decided after it is loaded, by <see cref="Access.CaseAccess"/>.
/// </summary>
public static class Policies
{
    public const string CaseData = nameof(CaseData);
    public const string CaseEditor = nameof(CaseEditor);
    public const string Administrator = nameof(Administrator);
    public const string ClinicalLead = nameof(ClinicalLead);
    public const string BreakGlass = nameof(BreakGlass);
    public const string IncidentRecorder = nameof(IncidentRecorder);
    public const string Api = nameof(Api);

    public static readonly IReadOnlySet<StaffRole> IncidentRecorderRoles = new HashSet<StaffRole>(StaffRoles.CaseEditorRoles) { StaffRole.ApprovedPremisesStaff };

    public static void Configure(AuthorizationOptions o)
    {
        // Everything needs a signed-in user unless it says otherwise.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(CaseData, p => p.RequireRole(StaffRoles.CaseDataRoles.Select(r => r.ToString())));
        o.AddPolicy(CaseEditor, p => p.RequireRole(StaffRoles.CaseEditorRoles.Select(r => r.ToString())));
        o.AddPolicy(Administrator, p => p.RequireRole(StaffRoles.Administrator));
        o.AddPolicy(ClinicalLead, p => p.RequireRole(StaffRoles.ClinicalLead));
        // AP staff record incidents on the residents they can see, though they cannot change the case itself.
        o.AddPolicy(IncidentRecorder, p => p.RequireRole(IncidentRecorderRoles.Select(r => r.ToString())));
        o.AddPolicy(BreakGlass, p => p.RequireAuthenticatedUser().RequireAssertion(c => CaseAccessRules.CanBreakGlass(c.User.ToStaffContext())));
        o.AddPolicy(Api, p => p.AddAuthenticationSchemes(ApiTokens.Scheme).RequireAuthenticatedUser());
    }
}
