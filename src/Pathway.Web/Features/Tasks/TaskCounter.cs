using Microsoft.Extensions.Caching.Memory;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Tasks;

/// <summary>
/// The count beside "Tasks" in the navigation. Every page shows it, so it is kept for a minute per person rather than
/// asking every area on each request; the home page and the task list refresh it whenever they are shown, so the count
/// there always agrees with the list. A count names nobody, so it writes no audit row.
/// </summary>
public sealed partial class TaskCounter(TaskList tasks, IMemoryCache cache, IHttpContextAccessor http, ILogger<TaskCounter> log)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The count, or null when it cannot be worked out: the navigation is drawn on error pages too, where the request's
    /// database work may already have failed, and a missing count must not turn an error page into another error.
    /// </summary>
    public async Task<int?> CountAsync(CancellationToken ct)
    {
        var key = Key();
        if (cache.TryGetValue(key, out int count)) return count;
        try
        {
            count = (await tasks.AllAsync(team: false, ct)).Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CountFailed(log, e.GetType().Name);
            return null;
        }
        cache.Set(key, count, KeepFor);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The task count for the navigation could not be worked out ({ExceptionType})")]
    private static partial void CountFailed(ILogger logger, string exceptionType);

    /// <summary>Records the count just worked out from the full list.</summary>
    public void Remember(int count) => cache.Set(Key(), count, KeepFor);

    private string Key() => "tasks:" + http.HttpContext!.User.ToStaffContext().UserId;
}
