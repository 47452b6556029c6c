using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// One request's worth of the app's services, without HTTP: handlers resolved from the real container (their real
/// PathwayDbContext, AuditLog and clock) over the fixture's real database, as a member of staff in <c>role</c> (the
/// world's, unless <c>who</c> is given), on a route that declares <c>auditAction</c> (the action the handler's audit rows
/// take). For validation permutations and rules; authorization and journeys stay in the HTTP tests. <see cref="CaseAsync"/>
/// and <see cref="For"/> build the <see cref="CaseContext"/> a handler needs without the pipeline's access check.
/// </summary>
public sealed class HandlerScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    /// <summary>The signed-in member of staff.</summary>
    public StaffUser User { get; }
    /// <summary>The same person as the pipeline sees them: id, roles, team.</summary>
    public StaffContext Who { get; }
    public PathwayDbContext Db => Get<PathwayDbContext>();

    // Not async: the request's HttpContext lives in an AsyncLocal, which must be set in the test's own flow to reach it.
    public HandlerScope(AppFixture app, StaffRole role, string auditAction, StaffUser? who = null)
    {
        User = who ??= app.World.Users[role];
        _scope = app.Factory.Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, who.Id.ToString()), new(ClaimTypes.Role, role.ToString()) };
        if (who.TeamId is { } team) claims.Add(new(PathwayClaims.TeamId, team.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        Who = principal.ToStaffContext();
        var http = new DefaultHttpContext { RequestServices = _scope.ServiceProvider, User = principal };
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new AuditedAttribute(auditAction)), auditAction));
        _scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
    }

    /// <param name="declaredAction">The audit action of the page or endpoint the handler would run under (rows that take the declared one use it).</param>
    public static HandlerScope As(AppFixture app, StaffUser user, StaffRole role, string declaredAction = "handler.test") =>
        new(app, role, declaredAction, user);

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The case as the pipeline would hand it to a handler: tracked, with its shares and named staff.</summary>
    public async Task<CaseContext> CaseAsync(Guid caseId, bool canEdit = true)
    {
        var c = await Db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).AsSplitQuery().SingleAsync(x => x.Id == caseId);
        return For(c, canEdit);
    }

    /// <summary>The case as the pipeline would hand it to a handler after checking the need.</summary>
    public CaseContext For(CaseRecord c, bool canEdit = true) => new(c, Who, new CasePermissions(Contribute: true, Edit: canEdit), ShowAccessLog: false);

    public async ValueTask DisposeAsync()
    {
        _scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
        await _scope.DisposeAsync();
    }
}
