namespace Pathway.Web.Infrastructure.Errors;

/// <summary>Quotes a caller's value back in an error message, cut short so a huge value does not make a huge answer.</summary>
public static class Echo
{
    public const int MaxLength = 100;

    /// <summary>At most <see cref="MaxLength"/> characters of <paramref name="value"/>, with an ellipsis when cut.</summary>
    public static string Of(string? value) =>
        value is null ? "" : value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
}
