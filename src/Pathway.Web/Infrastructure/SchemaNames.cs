using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Pathway.Web.Infrastructure;

/// <summary>
/// Names the OpenAPI schemas so that two types never share one. By default a schema is named after its type's short
/// name, so three different <c>ActionWriteRequest</c> records (consultation, care-plan and co-ordination actions)
/// became one schema and the document showed the wrong shape for two of them. A short name more than one type of
/// this assembly uses is prefixed with its feature area; every other name is left as it was, so clients see no churn.
/// </summary>
internal static class SchemaNames
{
    private static readonly HashSet<string> Ambiguous = typeof(SchemaNames).Assembly.GetTypes()
        .Where(t => !t.IsNested || t.IsNestedPublic)
        .Where(t => t.IsPublic || t.IsNestedPublic)
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .Where(g => g.Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal);

    public static string? Create(JsonTypeInfo info)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (name is null) return null;
        var plain = Unqualified(info.Type);
        return name.StartsWith(plain, StringComparison.Ordinal) ? Qualified(info.Type) + name[plain.Length..] : name;
    }

    private static string Unqualified(Type t) => t.IsGenericType ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] : t.Name;

    private static string Qualified(Type t)
    {
        var name = Unqualified(t);
        if (!Ambiguous.Contains(t.Name) || t.Assembly != typeof(SchemaNames).Assembly) return name;
        // Pathway.Web.Features.<Area>[.<UseCase>] names the area; a nested type adds its declaring type.
        var parts = (t.Namespace ?? "").Split('.');
        var area = Array.IndexOf(parts, "Features") is var i and >= 0 ? string.Concat(parts[(i + 1)..]) : "";
        return area + (t.DeclaringType is { } outer ? outer.Name : "") + name;
    }
}
