namespace Pathway.Web.Features.Cases;

/// <summary>A 409 body: what the client needs to redo its change.</summary>
public sealed record ConflictProblem<T>(string Type, string Title, int Status, string Detail, int CurrentVersion, T Current);
