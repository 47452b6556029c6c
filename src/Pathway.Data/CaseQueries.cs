using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Data;

/// <summary>
/// The access model as a query, for lists and searches. It must agree with <see cref="CaseAccessRules"/>;
/// <c>AccessModelAgreementTests</c> checks every role against every kind of case.
/// </summary>
public static class CaseQueries
{
    /// <summary>
    /// The cases <paramref name="who"/> may see. The few case ids that depend on the person rather than the case (named on
    /// a restricted case, a live break-glass grant) are looked up first, so the predicate is built only from the branches
    /// that apply to this role — for an offender manager, <c>TeamId = @team AND NOT IsRestricted</c>, which the team index
    /// serves — instead of a <c>CASE</c> with correlated subqueries that forces a scan of every case in the country.
    /// </summary>
    public static async Task<IQueryable<CaseRecord>> VisibleToAsync(this PathwayDbContext db, StaffContext who, DateTimeOffset now, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking();
        if (!who.SeesCaseData) return cases.Where(_ => false);

        var uid = who.UserId;
        var named = await db.CaseNamedStaff.Where(n => n.UserId == uid).Select(n => n.CaseId).ToListAsync(ct);
        var grants = CaseAccessRules.CanBreakGlass(who)
            ? await db.BreakGlassGrants.Where(g => g.UserId == uid && g.ExpiresAt > now).Select(g => g.CaseId).Distinct().ToListAsync(ct)
            : [];

        var team = who.TeamId;
        var open = new List<Expression<Func<CaseRecord, bool>>>();
        if (who.IsInAny(RoleSets.Clinicians)) open.Add(c => c.ReferredToServiceOn != null);
        if (who.IsInAny(RoleSets.Probation)) open.Add(c => c.TeamId == team);
        if (who.IsIn(StaffRole.PublicProtectionOfficer) && team is not null) open.Add(c => c.Shares.Any(s => s.TeamId == team));
        if (who.IsIn(StaffRole.ApprovedPremisesStaff) && team is not null) open.Add(c => c.ApprovedPremisesId == team);
        if (grants.Count > 0) open.Add(c => grants.Contains(c.Id));

        Expression<Func<CaseRecord, bool>>? visible = null;
        if (open.Count > 0)
        {
            var anyOpen = open.Aggregate(Or);
            visible = And(c => !c.IsRestricted, anyOpen);
        }
        if (named.Count > 0)
        {
            Expression<Func<CaseRecord, bool>> restricted = c => c.IsRestricted && named.Contains(c.Id);
            visible = visible is null ? restricted : Or(visible, restricted);
        }
        return visible is null ? cases.Where(_ => false) : cases.Where(visible);
    }

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.OrElse);

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.AndAlso);

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b, Func<Expression, Expression, BinaryExpression> op)
    {
        var p = a.Parameters[0];
        var body = new Rebind(b.Parameters[0], p).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(op(a.Body, body), p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
