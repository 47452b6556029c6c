using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training;

/// <summary>Training's rules report problems as field-to-message maps; handlers answer them as <see cref="Outcome{T}"/> field errors.</summary>
public static class TrainingErrors
{
    public static List<FieldError> ToFieldErrors(this IReadOnlyDictionary<string, string> problems, Func<string, string>? field = null) =>
        problems.Select(p => new FieldError(field is null ? p.Key : field(p.Key), p.Value)).ToList();

    /// <summary>A refusal that is about the whole form, not one field (the error summary shows it at the top).</summary>
    public static Outcome<T> Refused<T>(string message) => Outcome.Invalid<T>([new FieldError("", message)]);
}
