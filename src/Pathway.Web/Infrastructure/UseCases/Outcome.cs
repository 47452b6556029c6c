using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Infrastructure.UseCases;

/// <summary>
/// What a use case's handler answers, whoever asked: done with a value, invalid with field errors, a conflict with the
/// record as it now stands (nothing saved), not found, or forbidden: the person may see the record but not do this (the
/// handler has written the denied audit row with the reason; pages answer 404, the API 403). Expected failures are
/// outcomes, not exceptions.
/// <see cref="OutcomeHttp"/> turns it into an HTTP result and <see cref="OutcomePage"/> into page state.
/// </summary>
public abstract record Outcome<T>
{
    private Outcome() { }

    public sealed record Done(T Value) : Outcome<T>;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome<T>;

    public sealed record Conflict(T Current) : Outcome<T>;

    public sealed record NotFound : Outcome<T>;

    public sealed record Forbidden(string Reason) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Done(value);
}

public static class Outcome
{
    public static Outcome<T> Invalid<T>(IReadOnlyList<FieldError> errors) => new Outcome<T>.Invalid(errors);
    public static Outcome<T> Conflict<T>(T current) => new Outcome<T>.Conflict(current);
    public static Outcome<T> NotFound<T>() => new Outcome<T>.NotFound();
    public static Outcome<T> Forbidden<T>(string reason) => new Outcome<T>.Forbidden(reason);
}
