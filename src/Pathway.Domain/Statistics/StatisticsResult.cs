namespace Pathway.Domain.Statistics;

/// <summary>
/// Either a fitted result or a plain sentence saying why the data cannot support one (no events, a constant covariate,
/// separation…). Statistics never answer an impossible question with NaN, infinity or an exception.
/// </summary>
public sealed class StatisticsResult<T> where T : class
{
    private StatisticsResult(T? value, string? failure) => (Value, Failure) = (value, failure);

    /// <summary>The result, or null when <see cref="Failure"/> is set.</summary>
    public T? Value { get; }

    /// <summary>Why there is no result, in words an analyst can act on; null on success.</summary>
    public string? Failure { get; }

    public bool Succeeded => Failure is null;

    public static StatisticsResult<T> Ok(T value) => new(value, null);

    public static StatisticsResult<T> Failed(string reason) => new(null, reason);
}
