namespace Pathway.Domain.Validation;

/// <summary>
/// A field-level problem: which field and what the person should do about it. Every validation in Pathway, domain
/// rule or form, reports these; pages show them in the GOV.UK error summary and the API as a validation problem.
/// </summary>
public sealed record FieldError(string Field, string Message);
