using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.BreakGlass.Request;

/// <summary>The case to go to, and the grant made (none when the person could already see the case).</summary>
public sealed record EmergencyAccess(Guid CaseId, BreakGlassGrant? Grant);

/// <summary>
/// Break-glass: opens a case outside the person's scope for <see cref="CaseAccessRules.BreakGlassDuration"/>, with a
/// reason the clinical lead reviews, from <see cref="RequestModel"/> (the <c>BreakGlass</c> policy has let the person in).
/// It is not case-scoped in the usual way, because the person by definition has no access to the case yet: the case is
/// named by CRN, and the rules are these. A reason is required (<see cref="MinReasonLength"/> to
/// <see cref="MaxReasonLength"/> characters). A restricted case cannot be opened this way and answers exactly as a CRN
/// that does not exist (<see cref="NoSuchCase"/>), with a denied <c>case.break-glass</c> row keeping the CRN and the
/// reason. A case the person can already see opens without a grant. Otherwise the grant and its allowed
/// <c>case.break-glass</c> row, carrying the reason, are saved together.
/// </summary>
public sealed class OpenCaseInEmergency(PathwayDbContext db, CaseAccess access, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2000;
    public const string NoSuchCase = "No case you can open with emergency access has that CRN";

    public async Task<Outcome<EmergencyAccess>> HandleAsync(string? crnTyped, string? reasonTyped, StaffContext who, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (Domain.Cases.Crn.Validate(crnTyped) is { } crnProblem) errors.Add(new("Crn", crnProblem));
        var reason = reasonTyped?.Trim() ?? "";
        if (reason.Length == 0)
            errors.Add(new("Reason", "Enter why you need emergency access to this case"));
        else if (reason.Length < MinReasonLength)
            errors.Add(new("Reason", $"Reason must be at least {MinReasonLength} characters. Say what has happened and why it cannot wait"));
        else if (reason.Length > MaxReasonLength)
            errors.Add(new("Reason", $"Reason must be {MaxReasonLength} characters or fewer"));
        if (errors.Count > 0) return Outcome.Invalid<EmergencyAccess>(errors);

        var crn = Domain.Cases.Crn.Normalise(crnTyped);
        var c = await db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Crn == crn, ct);
        if (c is null || c.IsRestricted)
        {
            // The CRN asked for is kept, and a restricted case's id, so the clinical lead can see who went looking.
            await audit.WriteAsync(AuditActions.Case.BreakGlassRequest, "CaseCrn", crn, c?.Id, AuditOutcome.Denied, reason, ct: ct);
            return Outcome.Invalid<EmergencyAccess>([new("Crn", NoSuchCase)]);
        }
        if (await access.BasisAsync(c, ct) != AccessBasis.None) return new EmergencyAccess(c.Id, null);

        var now = clock.GetUtcNow();
        var grant = new BreakGlassGrant
        {
            CaseId = c.Id,
            UserId = who.UserId,
            Reason = reason,
            GrantedAt = now,
            ExpiresAt = now + CaseAccessRules.BreakGlassDuration,
        };
        db.BreakGlassGrants.Add(grant);
        audit.Add(AuditActions.Case.BreakGlassRequest, "BreakGlassGrant", grant.Id, c.Id, AuditOutcome.Allowed, reason);
        events.Raise(DomainEventTypes.BreakGlassGranted, c, "/break-glass/review", new { grantId = grant.Id });
        await db.SaveChangesAsync(ct);
        return new EmergencyAccess(c.Id, grant);
    }
}
