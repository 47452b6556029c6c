using Microsoft.AspNetCore.Mvc.ModelBinding;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Infrastructure.Errors;

/// <summary>Turns domain field errors into page model-state errors or API validation problems.</summary>
public static class FormErrors
{
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState, string prefix = "")
    {
        // An error about the whole form (no field) stays unprefixed, so the error summary shows it at the top.
        foreach (var e in errors) modelState.AddModelError(e.Field.Length == 0 ? "" : prefix + e.Field, e.Message);
    }

    public static Dictionary<string, string[]> ToProblemErrors(this IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
}
