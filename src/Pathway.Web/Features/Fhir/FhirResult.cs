using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;

namespace Pathway.Web.Features.Fhir;

/// <summary>
/// Writes a FHIR resource as <c>application/fhir+json</c>, or as <c>application/fhir+xml</c> when the client asks for XML
/// with <c>_format</c> or <c>Accept</c> (FHIR R4 http.html#mime-type).
/// </summary>
public sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK) : IResult
{
    public const string JsonType = "application/fhir+json";
    public const string XmlType = "application/fhir+xml";

    public Resource Resource { get; } = resource;

    public async Task ExecuteAsync(HttpContext http)
    {
        var xml = WantsXml(http.Request);
        http.Response.StatusCode = status;
        http.Response.ContentType = (xml ? XmlType : JsonType) + "; charset=utf-8";
        await http.Response.WriteAsync(xml ? Resource.ToXml() : Resource.ToJson(), http.RequestAborted);
    }

    private static bool WantsXml(HttpRequest request)
    {
        var format = request.Query["_format"].ToString();
        if (format.Length > 0) return format.Contains("xml", StringComparison.OrdinalIgnoreCase);
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A FHIR error: an <see cref="OperationOutcome"/> with one issue.</summary>
    public static FhirResult Outcome(int status, OperationOutcome.IssueType code, string diagnostics) =>
        new(new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = diagnostics }],
        }, status);

    /// <summary>Not found and not permitted look the same, as everywhere else in Pathway.</summary>
    public static FhirResult NotFound(string type, Guid id) =>
        Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"{type}/{id} is not known, or you may not see it");
}
