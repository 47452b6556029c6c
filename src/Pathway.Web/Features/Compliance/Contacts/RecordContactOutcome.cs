using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Contacts;

/// <summary>
/// Records or corrects what happened at a contact, from <see cref="RecordOutcomeModel"/> or
/// <c>PUT /api/v1/cases/{id}/contacts/{contactId}</c>. The change carries the version it was read at: if someone else
/// saved since, nothing is overwritten and the outcome is a conflict with the contact as saved now. Field errors are
/// reported before a conflict, so a stale and invalid change is answered the same way on the page and the API.
/// </summary>
public sealed class RecordContactOutcome(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Contact>> HandleAsync(CaseContext c, Guid contactId, ContactDetails request, int version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var contact = await CaseRecordLookup.FindAsync(db.Contacts, audit, c.Id, contactId, ct);
        if (contact is null) return Outcome.NotFound<Contact>();
        var errors = unreadable.ToList();
        errors.AddRange(request.Validate(ComplianceEndpoints.Today(clock), errors.Fields()));
        if (errors.Count > 0) return Outcome.Invalid<Contact>(errors);
        if (version != contact.Version) return Outcome.Conflict(contact);

        request.Apply(contact);
        contact.RecordedById = c.Who.UserId;
        db.Entry(contact).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "Contact", contact.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.Contacts.AsNoTracking().FirstAsync(x => x.Id == contactId, ct));
        }
        return contact;
    }
}
