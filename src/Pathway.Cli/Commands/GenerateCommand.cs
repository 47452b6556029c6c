using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Seeding;

namespace Pathway.Cli.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "How many people on licence to invent", DefaultValueFactory = _ => 30_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same data", DefaultValueFactory = _ => 1 };
        var cmd = new Command("generate", "Add national-scale synthetic data: teams, staff, people on licence with licences, conditions and recalls.") { people, seed };
        cmd.SetAction(async (pr, ct) =>
        {
            var n = pr.GetValue(people);
            if (n is < 1 or > 2_000_000) return CliHost.Fail("--people must be between 1 and 2,000,000.");
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            await ReferenceData.MigrateAsync(db, ct);
            var sw = Stopwatch.StartNew();
            var result = await SyntheticService.GenerateAsync(db, n, pr.GetValue(seed), TimeProvider.System,
                done => CliConsole.Error.Write($"\r{done:N0} / {n:N0} people"), ct);
            CliConsole.Error.WriteLine();
            CliConsole.Out.WriteLine($"Generated {result.People:N0} people, {result.Licences:N0} licences, {result.Conditions:N0} additional conditions, {result.Recalls:N0} recalls, {result.Screenings:N0} screening responses, {result.Contacts:N0} contacts across {result.Teams} teams in {sw.Elapsed.TotalSeconds:N1} s.");
            return 0;
        });
        return cmd;
    }
}
