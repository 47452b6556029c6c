using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.BreakGlass.Review;

/// <summary>
/// The clinical lead marks one use of emergency access as reviewed, with a note (required, up to
/// <see cref="MaxNoteLength"/> characters), from <see cref="ReviewModel"/>. The grant and its
/// <c>case.break-glass.review</c> row, carrying the note, are saved together. A grant already reviewed is a conflict with
/// the grant as reviewed (nothing saved); an unknown grant is not found.
/// </summary>
public sealed class ReviewEmergencyAccess(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;
    public const string NoteField = "Note";

    public async Task<Outcome<BreakGlassGrant>> HandleAsync(Guid grantId, string? noteTyped, StaffContext who, CancellationToken ct)
    {
        var grant = await db.BreakGlassGrants.FirstOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return Outcome.NotFound<BreakGlassGrant>();
        if (grant.ReviewedAt is not null) return Outcome.Conflict(grant);
        var note = noteTyped?.Trim() ?? "";
        if (note.Length == 0) return Outcome.Invalid<BreakGlassGrant>([new(NoteField, "Enter a review note, such as whether the access was justified")]);
        if (note.Length > MaxNoteLength) return Outcome.Invalid<BreakGlassGrant>([new(NoteField, $"Review note must be {MaxNoteLength} characters or fewer")]);

        grant.ReviewedAt = clock.GetUtcNow();
        grant.ReviewedById = who.UserId;
        grant.ReviewNote = note;
        audit.Add(AuditActions.Case.BreakGlassReview, "BreakGlassGrant", grant.Id, grant.CaseId, AuditOutcome.Allowed, note);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
