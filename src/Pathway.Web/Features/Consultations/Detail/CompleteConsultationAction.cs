using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations.Detail;

/// <summary>
/// Marks an agreed action done, from <see cref="DetailModel"/> or <c>POST …/consultations/{consultationId}/actions/{actionId}/complete</c>.
/// Read access to the case is enough for the action's owner (who may be police or approved-premises staff); anyone else
/// must be able to edit the case, or it is forbidden with a denied audit row. An action already done stays as it is.
/// </summary>
public sealed class CompleteConsultationAction(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Action = AuditActions.Consultation.ActionComplete;
    public const string Refused = "Only the action's owner, or someone who can edit the case, may mark it done";

    public async Task<Outcome<ConsultationAction>> HandleAsync(CaseContext c, Guid consultationId, Guid actionId, int? version, CancellationToken ct)
    {
        var action = await db.ConsultationActions.FirstOrDefaultAsync(a => a.Id == actionId && a.ConsultationId == consultationId && a.CaseId == c.Id, ct);
        if (action is null) return Outcome.NotFound<ConsultationAction>();
        if (version is null) return Outcome.Invalid<ConsultationAction>([new("Version", "Send the version of the action you are completing (from a GET)")]);
        if (!ReferralAccessRules.CanCompleteAction(c.Who, action.OwnerId, c.Can.Edit))
        {
            await audit.WriteAsync(Action, "ConsultationAction", action.Id, c.Id, AuditOutcome.Denied, Refused, ct: ct);
            return Outcome.Forbidden<ConsultationAction>(Refused);
        }
        if (version != action.Version) return Outcome.Conflict(await CurrentAsync(actionId, ct));
        if (action.CompletedAt is not null) return await CurrentAsync(actionId, ct);

        action.CompletedAt = clock.GetUtcNow();
        action.CompletedById = c.Who.UserId;
        db.Entry(action).Property(x => x.Version).OriginalValue = version.Value;
        audit.Add(Action, "ConsultationAction", action.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await CurrentAsync(actionId, ct));
        }
        return await CurrentAsync(actionId, ct);
    }

    private Task<ConsultationAction> CurrentAsync(Guid actionId, CancellationToken ct) =>
        db.ConsultationActions.AsNoTracking().Include(a => a.Owner).FirstAsync(a => a.Id == actionId, ct);
}
