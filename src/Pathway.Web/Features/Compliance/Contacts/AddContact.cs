using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Contacts;

/// <summary>
/// Adds a planned contact, or one that has happened with its outcome (outcomes in the future are refused), from
/// <see cref="PlanContactModel"/> or <c>POST /api/v1/cases/{id}/contacts</c>; the case is already checked for edit.
/// </summary>
public sealed class AddContact(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Contact>> HandleAsync(CaseContext c, ContactDetails request, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        errors.AddRange(request.Validate(ComplianceEndpoints.Today(clock), errors.Fields()));
        if (errors.Count > 0) return Outcome.Invalid<Contact>(errors);

        var contact = new Contact { CaseId = c.Id, RecordedById = c.Who.UserId, CreatedAt = clock.GetUtcNow() };
        request.Apply(contact);
        db.Contacts.Add(contact);
        audit.Add(null, "Contact", contact.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return contact;
    }
}
