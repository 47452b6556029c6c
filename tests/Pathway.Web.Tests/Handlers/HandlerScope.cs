using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Handlers;

/// <summary>
/// A handler as the app builds it (its real SQLite PathwayDbContext, AuditLog and clock), run for one signed-in person
/// without HTTP: for validation permutations and rules. Authorization and journeys stay in the HTTP tests.
/// </summary>
public sealed class HandlerScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private HandlerScope(AsyncServiceScope scope, StaffContext who)
    {
        _scope = scope;
        Who = who;
    }

    public StaffContext Who { get; }
    public PathwayDbContext Db => Get<PathwayDbContext>();

    /// <param name="declaredAction">The audit action of the page or endpoint the handler would run under (rows that take the declared one use it).</param>
    public static HandlerScope As(AppFixture app, StaffUser user, StaffRole role, string declaredAction = "handler.test")
    {
        var scope = app.Factory.Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Role, role.ToString()) };
        if (user.TeamId is { } team) claims.Add(new(PathwayClaims.TeamId, team.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        var http = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new AuditedAttribute(declaredAction)), "handler test"));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return new HandlerScope(scope, principal.ToStaffContext());
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The case as the pipeline would hand it to a handler after checking the need.</summary>
    public CaseContext For(CaseRecord c, bool canEdit = true) => new(c, Who, new CasePermissions(true, canEdit), false);

    public async ValueTask DisposeAsync()
    {
        _scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
        await _scope.DisposeAsync();
    }
}
