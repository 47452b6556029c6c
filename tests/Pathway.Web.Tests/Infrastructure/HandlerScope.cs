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
/// One request's worth of the app's services, without HTTP: handlers resolved from the real container over the
/// fixture's real SQLite database, as a member of staff in <c>role</c> (the world's, unless <c>who</c> is given), on a
/// route that declares <c>auditAction</c> (the action the handler's audit rows take). <see cref="CaseAsync"/> builds the
/// <see cref="CaseContext"/> a handler needs without the pipeline's access check: access is tested through HTTP.
/// </summary>
public sealed class HandlerScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public StaffUser Who { get; }
    public PathwayDbContext Db => Get<PathwayDbContext>();

    // Not async: the request's HttpContext lives in an AsyncLocal, which must be set in the test's own flow to reach it.
    public HandlerScope(AppFixture app, StaffRole role, string auditAction, StaffUser? who = null)
    {
        Who = who ??= app.World.Users[role];
        _scope = app.Factory.Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, who.Id.ToString()), new(ClaimTypes.Role, role.ToString()) };
        if (who.TeamId is { } team) claims.Add(new(PathwayClaims.TeamId, team.ToString()));
        var http = new DefaultHttpContext { RequestServices = _scope.ServiceProvider, User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new AuditedAttribute(auditAction)), auditAction));
        _scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The case as the pipeline would hand it to a handler: tracked, with its shares and named staff.</summary>
    public async Task<CaseContext> CaseAsync(Guid caseId, bool canEdit = true)
    {
        var c = await Db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).AsSplitQuery().SingleAsync(x => x.Id == caseId);
        var staff = Get<IHttpContextAccessor>().HttpContext!.User.ToStaffContext();
        return new CaseContext(c, staff, new CasePermissions(Contribute: true, Edit: canEdit), ShowAccessLog: false);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
