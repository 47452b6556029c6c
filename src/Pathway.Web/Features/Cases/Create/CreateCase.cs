using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Create;

/// <summary>
/// Adds a person on licence, from <see cref="CreateModel"/> or <c>POST /api/v1/cases</c>. There is no case yet to check
/// access to: <see cref="CaseWritePolicy"/> says which teams <paramref name="who"/> may place a case in, and the referral
/// date may not be set here (only the referral workflow sets it).
/// </summary>
public sealed class CreateCase(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <param name="referredToServiceOn">What the API client sent for the read-only referral date (the form never sends one).</param>
    public async Task<Outcome<CaseRecord>> HandleAsync(StaffContext who, CaseDetails request, DateOnly? referredToServiceOn,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        errors.AddRange(CaseWritePolicy.Check(who, new CaseVisibilityChange(null, request.TeamId, null, referredToServiceOn)));
        errors.AddRange(await CaseDetailsRules.ValidateAsync(request, db, null, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));
        if (errors.Count > 0) return Outcome.Invalid<CaseRecord>(errors);

        var record = new CaseRecord { Crn = "", GivenName = "", FamilyName = "", CreatedAt = clock.GetUtcNow() };
        CaseDetailsRules.Apply(request, record, who.UserId);
        db.Cases.Add(record);
        audit.Add(null, "Case", record.Id, record.Id);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
