using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Security;

/// <summary>
/// Lists use the access model as a query (<see cref="CaseQueries.VisibleToAsync"/>); single records use the pure rule
/// (<see cref="CaseAccessRules"/>). For every role, over every case in the database, the two must agree exactly.
/// </summary>
public abstract class AccessModelAgreementTests(AppFixture app)
{
    [Fact]
    public async Task ListQuery_AndPureRule_AgreeForEveryRoleAndCase_IncludingBreakGlass()
    {
        var now = DateTimeOffset.UtcNow;
        var w = app.World;
        // A live grant for the PPU officer on the out-of-scope case, and an expired one for the AP officer.
        await app.Factory.WithDbAsync(async db =>
        {
            db.BreakGlassGrants.Add(new BreakGlassGrant { CaseId = w.OutOfScope.Id, UserId = w.Users[StaffRole.PublicProtectionOfficer].Id, Reason = "agreement test: live grant", GrantedAt = now, ExpiresAt = now.AddHours(1) });
            db.BreakGlassGrants.Add(new BreakGlassGrant { CaseId = w.OutOfScope.Id, UserId = w.Users[StaffRole.ApprovedPremisesStaff].Id, Reason = "agreement test: expired grant", GrantedAt = now.AddHours(-5), ExpiresAt = now.AddHours(-1) });
            await db.SaveChangesAsync();
        });

        var problems = new List<string>();
        await app.Factory.WithDbAsync(async db =>
        {
            var all = await db.Cases.AsNoTracking().Include(c => c.Shares).Include(c => c.NamedStaff).AsSplitQuery().ToListAsync();
            var grants = await db.BreakGlassGrants.AsNoTracking().Where(g => g.ExpiresAt > now).ToListAsync();
            foreach (var (role, user) in w.Users)
            {
                var who = new StaffContext(user.Id, new HashSet<StaffRole> { role }, user.TeamId);
                var listed = (await (await db.VisibleToAsync(who, now, CancellationToken.None)).Select(c => c.Id).ToListAsync()).ToHashSet();
                foreach (var c in all)
                {
                    var scope = new CaseScope(c.TeamId, c.ReferredToServiceOn is not null, c.ApprovedPremisesId, c.Shares.Select(s => s.TeamId).ToArray(),
                        c.IsRestricted, c.NamedStaff.Select(n => n.UserId).ToArray(), grants.Any(g => g.CaseId == c.Id && g.UserId == user.Id));
                    var rule = CaseAccessRules.CanRead(who, scope);
                    if (rule != listed.Contains(c.Id)) problems.Add($"{role} / {c.Crn}: rule says {rule}, list says {!rule}");
                }
            }
        });
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains(w.OutOfScope.Id, await app.Factory.WithDbAsync(async db =>
            await (await db.VisibleToAsync(new StaffContext(w.Users[StaffRole.PublicProtectionOfficer].Id, new HashSet<StaffRole> { StaffRole.PublicProtectionOfficer }, w.Ppu.Id), now, CancellationToken.None)).Select(c => c.Id).ToListAsync()));
    }
}

public sealed class AccessModelAgreementTestsSqlite(SqliteApp app) : AccessModelAgreementTests(app), IClassFixture<SqliteApp>;

public sealed class AccessModelAgreementTestsPostgres(PostgresApp app) : AccessModelAgreementTests(app), IClassFixture<PostgresApp>;
