using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pathway.Web.Infrastructure.Idempotency;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every operation <see cref="IdempotencyKeys"/> serves.</summary>
internal sealed class IdempotencyKeyTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var d = context.Description;
        var metadata = new EndpointMetadataCollection(d.ActionDescriptor.EndpointMetadata);
        if (d.HttpMethod is null || !IdempotencyKeys.AppliesTo(d.HttpMethod, "/" + d.RelativePath, metadata)) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Optional. A key you choose (for example a new UUID) so the create can be retried safely: a repeat with the same key and body within 24 hours returns the first answer (with Idempotent-Replayed: true) and creates nothing; the same key with a different body is a 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxKeyLength },
        });
        return Task.CompletedTask;
    }
}
