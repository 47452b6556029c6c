using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Coordination.Actions;
using Pathway.Web.Features.Coordination.Members;
using Pathway.Web.Features.Signposting.Directory;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Coordination;

/// <summary>
/// The co-ordination group's and the directory's handlers called directly, without HTTP, on the real SQLite database:
/// the validation permutations and what a refused change leaves behind (nothing). The HTTP tests keep access and journeys.
/// </summary>
public sealed class GroupAndDirectoryHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A request scope as the pipeline would give a handler: the administrator signed in, and the route's audit action.</summary>
    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var admin = app.World.Users[StaffRole.ClinicalLead];
        var http = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString()), new Claim(ClaimTypes.Role, nameof(StaffRole.ClinicalLead))], "test")),
        };
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new AuditedAttribute("handler.test")), "handler test"));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return await work(scope.ServiceProvider);
    }

    private static IReadOnlyList<FieldError> ErrorsOf<T>(Outcome<T> outcome) => Assert.IsType<Outcome<T>.Invalid>(outcome).Errors;

    [Fact]
    public async Task SaveGroupMember_NeitherOrganisationNorThisService_NoJoinDate_IsRefusedWithBothFields()
    {
        var errors = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupMember>()
            .HandleAsync(null, new MemberDetails(null, false, null, null), null, [], CancellationToken.None)));
        Assert.Equal(["OrganisationId", "JoinedOn"], errors.Select(e => e.Field));
    }

    [Fact]
    public async Task SaveGroupMember_BothOrganisationAndThisService_IsRefused()
    {
        var errors = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupMember>()
            .HandleAsync(null, new MemberDetails(app.World.DirectoryOrganisation.Id, true, Today, null), null, [], CancellationToken.None)));
        Assert.Equal("Choose an organisation from the directory, or this service", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task SaveGroupMember_LeftBeforeJoining_IsRefusedOnLeftOn_AndAnUnreadableDateIsReportedOnce()
    {
        var left = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupMember>()
            .HandleAsync(null, new MemberDetails(Guid.NewGuid(), false, Today, Today.AddDays(-1)), null, [], CancellationToken.None)));
        Assert.Contains(left, e => e.Field == "LeftOn" && e.Message == "The date it left must be on or after the date it joined");
        Assert.Contains(left, e => e.Field == "OrganisationId" && e.Message == "Choose an organisation from the directory");

        var unreadable = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupMember>()
            .HandleAsync(null, new MemberDetails(null, true, null, null), null, [new("JoinedOn", "Date joined must be a real date")], CancellationToken.None)));
        Assert.Equal("Date joined must be a real date", Assert.Single(unreadable, e => e.Field == "JoinedOn").Message);
    }

    [Fact]
    public async Task SaveGroupMember_UnknownId_IsNotFound_AndAChangeWithoutItsVersionIsRefused()
    {
        Assert.IsType<Outcome<Guid>.NotFound>(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupMember>()
            .HandleAsync(Guid.NewGuid(), new MemberDetails(null, true, Today, null), 1, [], CancellationToken.None)));
        var member = await app.Factory.WithDbAsync(db => db.GroupMembers.AsNoTracking().FirstAsync());
        var errors = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupMember>()
            .HandleAsync(member.Id, new MemberDetails(member.OrganisationId, member.OrganisationId is null, member.JoinedOn, null), null, [], CancellationToken.None)));
        Assert.Contains(errors, e => e.Field == "Version");
    }

    [Fact]
    public async Task SaveGroupRepresentative_Permutations_AreEachReported_AndNothingIsSaved()
    {
        var member = await app.Factory.WithDbAsync(db => db.GroupMembers.AsNoTracking().Select(m => m.Id).FirstAsync());
        var before = await app.Factory.WithDbAsync(db => db.GroupRepresentatives.CountAsync());
        var errors = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupRepresentative>().HandleAsync(null, member,
            new RepresentativeDetails(" ", new string('t', 201), "not an email", Guid.NewGuid(), Today, Today.AddDays(-1)), null, [], CancellationToken.None)));
        Assert.Equal(["Name", "Title", "Email", "StaffUserId", "LeftOn"], errors.Select(e => e.Field));
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.GroupRepresentatives.CountAsync()));
        Assert.IsType<Outcome<Guid>.NotFound>(await InScopeAsync(sp => sp.GetRequiredService<SaveGroupRepresentative>().HandleAsync(null, Guid.NewGuid(),
            new RepresentativeDetails("A Person", "Role", null, null, Today, null), null, [], CancellationToken.None)));
    }

    [Fact]
    public async Task AddGroupAction_NoOwnerOrTwoOwners_AndNoDueDate_AreRefused()
    {
        var meeting = await app.Factory.WithDbAsync(db => db.GroupMeetings.AsNoTracking()
            .Where(m => m.Status != MeetingStatus.MinutesApproved).Select(m => m.Id).FirstAsync());
        var none = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<AddGroupAction>()
            .HandleAsync(meeting, new GroupActionDetails("Call the hostel", null, null, null, null), [], CancellationToken.None)));
        Assert.Equal(["DueOn", "Owner"], none.Select(e => e.Field));
        var two = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<AddGroupAction>()
            .HandleAsync(meeting, new GroupActionDetails("", null, Guid.NewGuid(), Guid.NewGuid(), Today), [], CancellationToken.None)));
        Assert.Equal(["Description", "Owner"], two.Select(e => e.Field));
        Assert.IsType<Outcome<Guid>.NotFound>(await InScopeAsync(sp => sp.GetRequiredService<AddGroupAction>()
            .HandleAsync(Guid.NewGuid(), new GroupActionDetails("x", null, null, null, Today), [], CancellationToken.None)));
    }

    [Fact]
    public async Task SaveDirectoryOrganisation_Permutations_AndAStaleVersionAnswersTheCurrentCopy()
    {
        var errors = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveDirectoryOrganisation>()
            .HandleAsync(null, new OrganisationDetails("", null, "ftp://example.org", Guid.NewGuid()), null, [], CancellationToken.None)));
        Assert.Equal(["Name", "Sector", "Website", "PartnerTeamId"], errors.Select(e => e.Field));

        var duplicate = ErrorsOf(await InScopeAsync(sp => sp.GetRequiredService<SaveDirectoryOrganisation>()
            .HandleAsync(null, new OrganisationDetails(app.World.DirectoryOrganisation.Name, Sector.Other, null, null), null, [], CancellationToken.None)));
        Assert.Equal("An organisation with this name is already in the directory", Assert.Single(duplicate).Message);

        var name = $"Handler test {Guid.NewGuid():N}";
        var added = Assert.IsType<Outcome<DirectoryOrganisation>.Done>(await InScopeAsync(sp => sp.GetRequiredService<SaveDirectoryOrganisation>()
            .HandleAsync(null, new OrganisationDetails(name, Sector.Other, null, null), null, [], CancellationToken.None))).Value;
        var stale = Assert.IsType<Outcome<DirectoryOrganisation>.Conflict>(await InScopeAsync(sp => sp.GetRequiredService<SaveDirectoryOrganisation>()
            .HandleAsync(added.Id, new OrganisationDetails(name + " renamed", Sector.Other, null, null), added.Version + 1, [], CancellationToken.None)));
        Assert.Equal(name, stale.Current.Name);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "handler.test" && e.EntityId == added.Id.ToString())));
    }
}
