namespace Pathway.Cli;

/// <summary>The <c>pathway</c> executable. Named (not top-level statements) so it does not clash with the web app's <c>Program</c>, which this project references for the import use case.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => PathwayCli.RunAsync(args);
}
