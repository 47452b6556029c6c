using Pathway.Web.Infrastructure.Access;

namespace Pathway.Web.Infrastructure.UseCases;

/// <summary>
/// Declares that a page or endpoint works on the one case named by the route's <c>{id}</c>, and what it needs to do with
/// it. <see cref="CurrentCase"/> acts on the declaration before the handler runs: it loads the case, checks the need with
/// <see cref="CaseAccess"/>, writes the allowed or denied audit row under the route's declared
/// <see cref="Auditing.AuditedAttribute"/> action, and answers 404 when the case is missing or out of scope.
/// Pages carry it as an attribute; endpoints get it from <see cref="CurrentCaseEndpoints.ForCase"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class CaseScopedAttribute(AccessNeed need) : Attribute
{
    public AccessNeed Need { get; } = need;

    /// <summary>The entity the audit row names (<c>Case</c> unless the route shows something under the case).</summary>
    public string EntityType { get; init; } = "Case";

    /// <summary>The route value whose id the audit row names instead of the case's (<c>contactId</c>, <c>warningId</c>).</summary>
    public string? EntityRouteValue { get; init; }

    /// <summary>
    /// A form page's GET shows the case without an allowed read row from <see cref="CaseAccess"/> (edit and
    /// contribute checks write none); this action, usually <c>case.read</c>, records that view.
    /// </summary>
    public string? ReadActionOnGet { get; init; }

    /// <summary>
    /// What the page's form posts need when it is more than viewing it needs: a read page with a form for editors (a
    /// signposting referral, where editors record what happened next). Unset, it is <see cref="Need"/>.
    /// </summary>
    public AccessNeed NeedOnPost { get => _needOnPost ?? Need; init => _needOnPost = value; }

    private readonly AccessNeed? _needOnPost;
}
