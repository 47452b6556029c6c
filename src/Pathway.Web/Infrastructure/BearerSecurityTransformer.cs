using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pathway.Web.Infrastructure;

/// <summary>Describes personal API tokens (bearer) in the OpenAPI document.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Pathway API";
        document.Info.Description = "Case and licence data for the Pathway personality-disorder service. Every call needs a personal API token (Authorization: Bearer …); every read and change is audited.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token from Account › API tokens or `pathway tokens create`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
