using System.Collections.Concurrent;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// Apps that test classes have finished with, kept running for the next class of the same provider. A class takes one
/// (and moves it to a database of its own with <see cref="PathwayFactory.FreshWorldAsync"/>) or, if none is free,
/// starts one; no two classes ever hold the same app at once. The pool grows to the number of classes that run
/// side by side, so the test run starts a handful of apps instead of one per class.
/// </summary>
public static class AppPool
{
    private static readonly ConcurrentDictionary<Provider, ConcurrentBag<PathwayFactory>> Idle = new();
    private static readonly ConcurrentBag<PathwayFactory> Started = [];

    static AppPool() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var app in Started)
            try { app.Dispose(); } catch (Exception) { } // the run is over; a throwaway server may already be stopping
    };

    public static PathwayFactory Take(Provider provider)
    {
        if (Idle.GetOrAdd(provider, _ => []).TryTake(out var app)) return app;
        app = new PathwayFactory(provider);
        Started.Add(app);
        return app;
    }

    public static void Return(PathwayFactory app) => Idle.GetOrAdd(app.Provider, _ => []).Add(app);
}
