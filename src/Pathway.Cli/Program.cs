using System.CommandLine;
using Pathway.Cli;
using Pathway.Cli.Commands;

var root = new RootCommand("pathway: administration and analysis for Pathway. Uses the same database settings as the web app " +
    "(Database__Provider, ConnectionStrings__Pathway; SQLite data/pathway.db by default).");
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(TeamsCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(TokensCommand.Create());
root.Subcommands.Add(SeedDemoCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(AnalyseCommand.Create());
return await root.Parse(args).InvokeAsync();
