using System.Diagnostics;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs in the test's own async flow (from EF Core's diagnostic events), so a test can show
/// that a read takes a fixed number of queries however many rows there are. Other tests running at the same time are not
/// counted: the flag that switches counting on lives in an <see cref="AsyncLocal{T}"/>.
/// </summary>
public sealed class SqlCommandCounter : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private static readonly AsyncLocal<SqlCommandCounter?> Active = new();
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public SqlCommandCounter()
    {
        Active.Value = this;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public int Count => Volatile.Read(ref _count);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore")
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == CommandExecuted));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key == CommandExecuted && Active.Value == this) Interlocked.Increment(ref _count);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        Active.Value = null;
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
