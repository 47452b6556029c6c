using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// Firely's validator against the FHIR R4 core profiles, offline (the specification ships in
/// Hl7.Fhir.Specification.Data.R4). The validator is not thread-safe and slow to build, so there is one, behind a lock.
/// </summary>
public static class FhirValidation
{
    private static readonly Lock Gate = new();
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver), null, new ValidationSettings());
    });

    /// <summary>Parses FHIR JSON as the given resource type, validates it and returns it; fails the test with every error or warning that matters.</summary>
    public static T ParseAndValidate<T>(string json) where T : Resource
    {
        var resource = new FhirJsonDeserializer().Deserialize<T>(json);
        var problems = Problems(resource);
        Assert.True(problems.Count == 0, $"{typeof(T).Name} is not valid FHIR R4:\n{string.Join("\n", problems)}\n{json}");
        return resource;
    }

    /// <summary>The errors the validator finds in a resource (warnings and information are left out).</summary>
    public static IReadOnlyList<string> Problems(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate) outcome = Instance.Value.Validate(resource);
        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity} {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
    }
}
