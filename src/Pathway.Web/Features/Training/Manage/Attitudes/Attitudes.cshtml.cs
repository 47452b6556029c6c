using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.Attitudes;

/// <summary>
/// The attitudes questionnaire of a draft, as data: its subscales, and its statements with the subscale each belongs
/// to and whether it is reverse-scored. Statements can be added, reordered and removed; a subscale only once empty.
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseUpdate)]
public sealed class AttitudesModel(PathwayDbContext db, ChangeCourseDraft change) : DraftPage(db, change)
{
    public CourseContent? Draft => Course.Content;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadDraftAsync(slug, ct) is null ? Missing() : Page();

    public Task<IActionResult> OnPostAddSubscaleAsync(string slug, CancellationToken ct) =>
        ApplyAsync(slug, CourseStructure.AddSubscale, key => $"added subscale {key}", "Subscale added", key => Course.Href($"/attitudes/subscales/{key}"), ct);

    public Task<IActionResult> OnPostRemoveSubscaleAsync(string slug, string subscaleKey, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.RemoveSubscale(c, subscaleKey), _ => $"removed subscale {subscaleKey}", "Subscale removed", _ => Course.Href("/attitudes"), ct);

    public Task<IActionResult> OnPostAddStatementAsync(string slug, CancellationToken ct) =>
        ApplyAsync(slug, CourseStructure.AddAttitudeItem, key => $"added statement {key}", "Statement added", key => Course.Href($"/attitudes/statements/{key}"), ct);

    public Task<IActionResult> OnPostRemoveStatementAsync(string slug, string statementKey, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.RemoveAttitudeItem(c, statementKey), _ => $"removed statement {statementKey}", "Statement removed", _ => Course.Href("/attitudes"), ct);

    public Task<IActionResult> OnPostMoveStatementAsync(string slug, string statementKey, int by, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.MoveAttitudeItem(c, statementKey, Math.Sign(by)), _ => $"moved statement {statementKey}", "Statement moved", _ => Course.Href("/attitudes"), ct);
}
