using System.CommandLine;
using Pathway.Cli.Commands;

namespace Pathway.Cli;

/// <summary>The <c>pathway</c> command: its subcommands, and how to run it.</summary>
public static class PathwayCli
{
    public static RootCommand Root() => new("pathway: administration and analysis for Pathway. Uses the same database settings as the web app " +
        "(Database__Provider, ConnectionStrings__Pathway; SQLite data/pathway.db by default).")
    {
        MigrateCommand.Create(), TeamsCommand.Create(), UsersCommand.Create(), TokensCommand.Create(), SeedDemoCommand.Create(),
        GenerateCommand.Create(), ImportCommand.Create(), AuditCommand.Create(), AnalyseCommand.Create(),
    };

    /// <summary>Runs the command as the process's own, with its console and environment.</summary>
    public static Task<int> RunAsync(string[] args) => Root().Parse(args).InvokeAsync();

    /// <summary>
    /// Runs the command inside another program (the tests), with writers for its output and errors and the settings a
    /// deployment would give it as environment variables (<c>ConnectionStrings__Pathway</c>, ...), without touching this
    /// process's console or environment, so that several runs can go side by side.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> settings)
    {
        CliConsole.Current.Value = new CliConsole.Invocation(output, error, settings);
        try
        {
            return await Root().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        }
        finally
        {
            CliConsole.Current.Value = null;
        }
    }
}

/// <summary>Where the commands write and read their settings: the process's console and environment, or one in-process run's own.</summary>
public static class CliConsole
{
    internal sealed record Invocation(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string> Settings);

    internal static readonly AsyncLocal<Invocation?> Current = new();

    public static TextWriter Out => Current.Value?.Out ?? Console.Out;
    public static TextWriter Error => Current.Value?.Error ?? Console.Error;

    /// <summary>The in-process run's settings, named as environment variables are (<c>Section__Key</c>); none for the process's own run.</summary>
    internal static IReadOnlyDictionary<string, string>? Settings => Current.Value?.Settings;
}
