using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Errors;

// Kept in the namespace every endpoint file already imports, so moving the file changed no caller; a namespace named
// Pathway.Web.Infrastructure.Api would also make "Api" ambiguous in the files that import Pathway.Web.Infrastructure.
namespace Pathway.Web.Features.Cases;

/// <summary>Parsing helpers for API text fields; each failure names its field.</summary>
public static class Api
{
    /// <summary>The problem type that names an edit conflict in a 409 body.</summary>
    public const string EditConflictType = "https://pathway.example/problems/edit-conflict";

    /// <summary>
    /// The body of a 409 for a change sent with an older <c>version</c>: nothing was saved, and <paramref name="current"/>
    /// is the record as it now stands, to re-apply the change to. <paramref name="what"/> names it ("case", "licence").
    /// </summary>
    public static ConflictProblem<T> Stale<T>(string what, int currentVersion, T current) => new(
        EditConflictType, $"The {what} was changed by someone else", StatusCodes.Status409Conflict,
        $"You sent a change to an older version. The current version is {currentVersion}; nothing was saved. Re-apply your change to 'current' and send it with that version.",
        currentVersion, current);

    /// <summary>The 409 answer itself: <see cref="Stale{T}"/> as a typed result.</summary>
    public static Conflict<ConflictProblem<T>> Conflict<T>(string what, int currentVersion, T current) => TypedResults.Conflict(Stale(what, currentVersion, current));

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Name<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    public static DateOnly? ParseDate(string? s, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(new(field, $"'{Echo.Of(s)}' is not a date in the form yyyy-MM-dd"));
        return null;
    }

    public static T? ParseEnum<T>(string? s, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (Enum.TryParse<T>(s.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(s, out _)) return v;
        errors.Add(new(field, $"'{Echo.Of(s)}' is not allowed. Use one of: {string.Join(", ", Enum.GetValues<T>().Select(Name))}"));
        return null;
    }

    public static Guid? ParseGuid(string? s, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (Guid.TryParse(s.Trim(), out var g)) return g;
        errors.Add(new(field, $"'{Echo.Of(s)}' is not an id"));
        return null;
    }
}
