using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Infrastructure.UseCases;

/// <summary>
/// The one mapping from <see cref="Outcome{T}"/> to HTTP: done 200 or 201 (with its location), invalid 400
/// ValidationProblem, conflict 409 with the current record (<see cref="Api.Stale{T}"/>), not found 404. The typed unions
/// keep each endpoint's OpenAPI responses exact.
/// </summary>
public static class OutcomeHttp
{
    public static Results<Created<TDto>, NotFound, ValidationProblem> ToCreated<T, TDto>(this Outcome<T> outcome, Func<T, string> location, Func<T, TDto> map) =>
        outcome switch
        {
            Outcome<T>.Done d => TypedResults.Created(location(d.Value), map(d.Value)),
            Outcome<T>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            _ => Unexpected<T, Results<Created<TDto>, NotFound, ValidationProblem>>(outcome, TypedResults.NotFound()),
        };

    public static Results<Ok<TDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<TDto>>> ToOk<T, TDto>(
        this Outcome<T> outcome, Func<T, TDto> map, string what, Func<T, int> version) =>
        outcome switch
        {
            Outcome<T>.Done d => TypedResults.Ok(map(d.Value)),
            Outcome<T>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            Outcome<T>.Conflict c => Api.Conflict(what, version(c.Current), map(c.Current)),
            _ => TypedResults.NotFound(),
        };

    public static Results<Ok<TDto>, NotFound> ToOk<T, TDto>(this Outcome<T> outcome, Func<T, TDto> map) =>
        outcome switch
        {
            Outcome<T>.Done d => TypedResults.Ok(map(d.Value)),
            _ => Unexpected<T, Results<Ok<TDto>, NotFound>>(outcome, TypedResults.NotFound()),
        };

    // A read answers done or not found; a create never conflicts. Anything else is a handler bug, not a 404.
    private static TResult Unexpected<T, TResult>(Outcome<T> outcome, TResult notFound) =>
        outcome is Outcome<T>.NotFound ? notFound : throw new InvalidOperationException($"This endpoint cannot present {outcome.GetType().Name}.");
}
