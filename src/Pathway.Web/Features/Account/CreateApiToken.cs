using System.Security.Claims;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Account;

/// <summary>A token as made: its record, and the token itself, which is shown once and stored only hashed.</summary>
public sealed record ApiTokenCreated(ApiToken Record, string Plain);

/// <summary>
/// Makes a personal API token for the signed-in person: a name, a lifetime of 1 to 365 days, and only from a session
/// that proved the second factor (or one the demo waiver covers), recorded as such.
/// </summary>
public sealed class CreateApiToken(PathwayDbContext db, AuditLog audit, TimeProvider clock, TwoFactorWaiver waiver)
{
    public async Task<Outcome<ApiTokenCreated>> HandleAsync(ClaimsPrincipal user, string? name, string? days, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("Name", "Enter a name for the token, such as the tool that will use it"));
        else if (name.Trim().Length > 100) errors.Add(new("Name", "The name must be 100 characters or fewer"));
        if (!int.TryParse(days, out var lifetime) || lifetime is < 1 or > 365) errors.Add(new("Days", "Enter a number of days between 1 and 365"));
        // A token outlives the session, so it may only come from one that proved the second factor; the record says
        // which, and the API trusts it as two-factor only if it did.
        ApiTokenIssuance? issuedVia = user.HasMfa() ? ApiTokenIssuance.TwoFactorSession
            : waiver.IsWaived(user) ? ApiTokenIssuance.WaivedDemoSession
            : null;
        if (issuedVia is null)
            errors.Add(new("Name", "Set up two-factor sign-in and sign in with your authenticator app before you create an API token"));
        if (errors.Count > 0) return Outcome.Invalid<ApiTokenCreated>(errors);

        var record = ApiTokens.Issue(db, user.ToStaffContext().UserId, name!.Trim(), clock.GetUtcNow(), lifetime, issuedVia!.Value, out var plain);
        audit.Add(AuditActions.Account.TokensCreate, "ApiToken", record.Id, null);
        await db.SaveChangesAsync(ct);
        return new ApiTokenCreated(record, plain);
    }
}
