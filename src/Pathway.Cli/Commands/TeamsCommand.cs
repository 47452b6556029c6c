using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;

namespace Pathway.Cli.Commands;

public static class TeamsCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The team's name", Required = true };
        var kind = new Option<string>("--kind") { Description = "probation | police | approved-premises | partner | service", DefaultValueFactory = _ => "probation" };
        var add = new Command("add", "Add a team (a probation team, police PPU, approved premises, partner organisation or the service).") { name, kind };
        add.SetAction(async (pr, ct) =>
        {
            var teamName = pr.GetValue(name)!.Trim();
            if (teamName.Length is 0 or > 200) return CliHost.Fail("--name must be 1 to 200 characters.");
            if (!TeamKinds.TryParseCli(pr.GetValue(kind)!, out var k))
                return CliHost.Fail($"--kind must be probation, police, approved-premises, partner or service, not '{pr.GetValue(kind)}'.");
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            if (await db.Teams.AnyAsync(t => t.Name == teamName, ct)) return CliHost.Fail($"A team called '{teamName}' already exists.");
            var team = new Team { Name = teamName, Kind = k, CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(team);
            db.AuditEvents.Add(CliHost.Audit(AuditActions.Cli.TeamsCreate, "Team", team.Id));
            await db.SaveChangesAsync(ct);
            CliConsole.Out.WriteLine($"{team.Id}\t{team.Name}\t{TeamKinds.DisplayName(k)}");
            return 0;
        });

        var list = new Command("list", "List teams.");
        list.SetAction(async (_, ct) =>
        {
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            foreach (var t in await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct))
                CliConsole.Out.WriteLine($"{t.Id}\t{t.Name}\t{TeamKinds.DisplayName(t.Kind)}");
            return 0;
        });
        return new Command("teams", "Manage teams.") { add, list };
    }
}
