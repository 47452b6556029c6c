using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Licences;

/// <summary>Helpers for the licence forms' and endpoints' field errors.</summary>
public static class FieldErrors
{
    /// <summary>The fields that already have a problem, so a later check does not repeat "enter a date" for a date that was not a date.</summary>
    public static IReadOnlySet<string> Fields(this IEnumerable<FieldError> errors) => errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
}
