using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Referrals.Allocate;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Referrals.MoveStage;

/// <summary>
/// Moves the case's open referral on the pathway, from <see cref="MoveStageModel"/> or
/// <c>POST /api/v1/cases/{id}/referral/stage</c>. Only the PD service moves it along; probation editors may withdraw it
/// (forbidden otherwise, with a denied audit row). <see cref="PathwayStateMachine"/> decides which moves are allowed and
/// which need a reason. The change carries the version read; a stale one is a conflict.
/// </summary>
public sealed class MoveReferralStage(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Refused = "Only the PD service moves a referral along the pathway; probation staff may withdraw it";

    public async Task<Outcome<Referral>> HandleAsync(CaseContext c, PathwayStage? to, string? reason, int? version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (unreadable.Count > 0) return Outcome.Invalid<Referral>(unreadable);
        var r = await ReferralQueries.OpenAsync(db.Referrals.Include(x => x.StageChanges), c.Id, ct);
        if (r is null) return Outcome.NotFound<Referral>();
        if (!ReferralAccessRules.CanMoveTo(c.Who, to!.Value))
        {
            await audit.WriteAsync(null, "Referral", r.Id, c.Id, AuditOutcome.Denied, Refused, ct: ct);
            return Outcome.Forbidden<Referral>(Refused);
        }
        if (version != r.Version) return Outcome.Conflict(await ReferralQueries.ReadAsync(db, r.Id, ct));
        var problem = Apply(r, to.Value, reason, c.Who.UserId, clock.GetUtcNow());
        if (problem is not null)
            return Outcome.Invalid<Referral>([new(problem.StartsWith("Enter", StringComparison.Ordinal) || problem.StartsWith("Reason", StringComparison.Ordinal) ? "Reason" : "To", problem)]);
        return await AllocateReferral.SaveAsync(db, audit, c, r, version!.Value, ct);
    }

    /// <summary>Moves the referral if the state machine allows it; returns the problem otherwise and changes nothing.</summary>
    public static string? Apply(Referral r, PathwayStage to, string? reason, Guid by, DateTimeOffset now)
    {
        var problem = PathwayStateMachine.Validate(r.Stage, to, reason);
        if (problem is not null) return problem;
        r.StageChanges.Add(new PathwayStageChange { ReferralId = r.Id, From = r.Stage, To = to, At = now, ById = by, Reason = ReferralQueries.Clean(reason) });
        r.Stage = to;
        r.StageEnteredAt = now;
        if (to.IsTerminal()) r.EndedAt = now;
        return null;
    }
}
