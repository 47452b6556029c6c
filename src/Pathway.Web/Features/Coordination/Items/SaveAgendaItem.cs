using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Items;

public sealed record ItemDetails(AgendaItemKind? Kind, string? Title, Guid? CaseId, SharingBasis? SharingBasis, LawfulBasis? LawfulBasis,
    string? LawfulBasisNote, DateOnly? ConsentOn, string? Minutes, string? Decisions);

/// <summary>
/// Adds an agenda item to a meeting (no item id) or records its minutes and decisions, from <see cref="EditItemModel"/> or
/// the API. A case discussion needs a case the author may read and a recorded basis for sharing; its kind and case do not
/// change once saved. An item on a case the author may not read does not exist for them: 404 and a denied row, as a
/// case read. Answers the item's id.
/// </summary>
public sealed class SaveAgendaItem(PathwayDbContext db, CoordinationGroup group, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid meetingId, Guid? itemId, ItemDetails d, int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        var m = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return Outcome.NotFound<Guid>();
        GroupAgendaItem? i = null;
        if (itemId is { } existing)
        {
            i = await db.GroupAgendaItems.FirstOrDefaultAsync(x => x.Id == existing && x.MeetingId == meetingId, ct);
            if (i is null) return Outcome.NotFound<Guid>();
            // Someone who may not read the case may not learn of it by editing: the same 404 and denied row as a case read.
            if (i.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).Count == 0)
            {
                await audit.DeniedAsync("GroupAgendaItem", i.Id, c, ct);
                return Outcome.NotFound<Guid>();
            }
            if (version is null) errors.Add(new("Version", "Send the version of the agenda item you are changing"));
        }
        if (GroupChanges.ReadOnly(m, errors)) return GroupChanges.Invalid(errors);
        var kind = i?.Kind ?? d.Kind;
        if (kind is null) errors.Add(new("Kind", "Choose whether this is a case discussion or a service-development item"));
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add(new("Title", "Enter a title for the item"));
        else if (d.Title.Trim().Length > CoordinationRules.TitleMax) errors.Add(new("Title", $"Title must be {CoordinationRules.TitleMax} characters or fewer"));
        if (d.Minutes is { Length: > CoordinationRules.TextMax }) errors.Add(new("Minutes", $"Minutes must be {CoordinationRules.TextMax} characters or fewer"));
        if (d.Decisions is { Length: > CoordinationRules.TextMax }) errors.Add(new("Decisions", $"Decisions must be {CoordinationRules.TextMax} characters or fewer"));
        Guid? caseId = null;
        if (kind == AgendaItemKind.CaseDiscussion)
        {
            caseId = i?.CaseId ?? d.CaseId;
            if (caseId is null) { if (!errors.Any(e => e.Field == "CaseId")) errors.Add(new("CaseId", "Enter the CRN of the person to be discussed")); }
            else if ((await group.VisibleCasesAsync([caseId.Value], ct)).Count == 0) errors.Add(new("CaseId", "There is no case with this CRN that you can see"));
            errors.AddRange(CoordinationRules.CheckSharingBasis(d.SharingBasis, d.LawfulBasis, d.LawfulBasisNote, d.ConsentOn, GroupChanges.Today(clock)));
        }
        if (errors.Count > 0) return GroupChanges.Invalid(errors);
        var created = i is null;
        if (i is null)
        {
            var number = await db.GroupAgendaItems.Where(x => x.MeetingId == meetingId).Select(x => (int?)x.Number).MaxAsync(ct) ?? 0;
            i = new GroupAgendaItem { MeetingId = meetingId, Number = number + 1, Kind = kind!.Value, Title = "", CaseId = caseId, CreatedAt = clock.GetUtcNow() };
            db.GroupAgendaItems.Add(i);
        }
        else db.Entry(i).Property(x => x.Version).OriginalValue = version!.Value;
        i.Title = d.Title!.Trim();
        i.Minutes = GroupChanges.Clean(d.Minutes);
        i.Decisions = GroupChanges.Clean(d.Decisions);
        if (kind == AgendaItemKind.CaseDiscussion)
        {
            i.SharingBasis = d.SharingBasis;
            i.ConsentOn = d.SharingBasis == SharingBasis.AgreedToSharing ? d.ConsentOn : null;
            i.LawfulBasis = d.LawfulBasis ?? ReferralOptions.Usual;
            i.LawfulBasisNote = GroupChanges.Clean(d.LawfulBasisNote);
        }
        audit.Add(created ? AuditActions.Coordination.ItemCreate : AuditActions.Coordination.ItemUpdate, "GroupAgendaItem", i.Id, i.CaseId);
        return await GroupChanges.SaveAsync(db, i.Id, ct);
    }
}
