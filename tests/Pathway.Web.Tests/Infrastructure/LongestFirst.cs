using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Pathway.Web.Tests.Infrastructure.LongestFirst", "Pathway.Web.Tests")]

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// Starts the longest test classes first. The runner takes classes in this order onto its two threads, so a walk of
/// several minutes (the authorization matrix's parts) that starts last would leave one thread running it alone at the
/// end; started first, the short classes fill in beside it. Within each rank the order is by name.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>Classes that take a minute or more on the 2-core machine (by the test run's TRX), longest first.</summary>
    private static readonly string[] Longest =
    [
        "Security.AuthorizationMatrixTestsPostgres", "Security.AuthorizationMatrixTestsSqlite", "Fhir.FhirTests", "Cli.CliTests",
        "CarePlans.CarePlanTests", "Demo.DemoEmailPrivacyTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection)
    {
        for (var i = 0; i < Longest.Length; i++)
            if (collection.DisplayName.Contains(Longest[i], StringComparison.Ordinal)) return i;
        return Longest.Length;
    }
}
