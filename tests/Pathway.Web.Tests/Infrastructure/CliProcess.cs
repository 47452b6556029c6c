extern alias cli;
using System.Diagnostics;
using PathwayCli = cli::Pathway.Cli.PathwayCli;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// The `pathway` command with the settings a deployment would give it as environment variables: run inside the test
/// process (<see cref="RunAsync"/>: the same code, its own output writers and settings, so runs go side by side and
/// nothing is started or compiled again), or as a real process (<see cref="RunProcessAsync"/>) where the executable
/// itself is what is tested.
/// </summary>
public static class CliProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PathwayCli.RunAsync(args, output, error, environment);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<(int Exit, string Out, string Err)> RunProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pathway.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary>The settings that point the CLI at a test app's database and key folder.</summary>
    public static Dictionary<string, string> For(PathwayFactory app) => new()
    {
        ["Database__Provider"] = app.Provider.ToString(),
        ["ConnectionStrings__Pathway"] = app.ConnectionString,
        ["Security__KeyDirectory"] = app.KeyDirectory,
    };
}
