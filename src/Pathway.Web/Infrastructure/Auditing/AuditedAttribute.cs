namespace Pathway.Web.Infrastructure.Auditing;

/// <summary>
/// Declares the audit action of a page or endpoint. Every page and endpoint must carry this or
/// <see cref="NotAuditedAttribute"/>; <c>AuditConventionTests</c> fails the build otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AuditedAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}

/// <summary>Marks a page or endpoint that touches no case data (sign-in, health, static reference), with the reason.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class NotAuditedAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
