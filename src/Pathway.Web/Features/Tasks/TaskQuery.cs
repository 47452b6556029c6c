using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Tasks;

/// <summary>
/// The filters as they arrive in a query string (the page's GET form and <c>GET /api/v1/me/tasks</c> take the same
/// names): <c>view</c> (<c>mine</c> or <c>team</c>), <c>kind</c> (a kind's slug), <c>case</c>, <c>person</c> (team view),
/// <c>overdue</c> and <c>page</c>. A value that cannot be read is a field error, never silently ignored.
/// </summary>
public sealed record TaskQuery(string? View, string? Kind, string? Case, string? Person, string? Overdue, string? Page)
{
    public (bool Team, TaskFilter Filter, IReadOnlyList<FieldError> Errors) Parse()
    {
        var errors = new List<FieldError>();
        var team = false;
        switch (View?.Trim().ToLowerInvariant())
        {
            case null or "" or "mine": break;
            case "team": team = true; break;
            default: errors.Add(new("view", "Choose your tasks (mine) or your team's (team)")); break;
        }
        TaskKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (TaskKinds.FromSlug(Kind.Trim()) is { } k) kind = k.Kind;
            else errors.Add(new("kind", "Choose a kind of task from the list"));
        }
        var caseId = Id(Case, "case", "Choose a person from the list", errors);
        var person = Id(Person, "person", "Choose a member of your team from the list", errors);
        var overdue = false;
        if (!string.IsNullOrWhiteSpace(Overdue))
        {
            if (bool.TryParse(Overdue, out var o)) overdue = o;
            else errors.Add(new("overdue", "Say true to see overdue tasks only"));
        }
        var page = 1;
        if (!string.IsNullOrWhiteSpace(Page) && (!int.TryParse(Page, out page) || page < 1))
        {
            errors.Add(new("page", "The page must be a whole number, 1 or more"));
            page = 1;
        }
        return (team, new TaskFilter(kind, caseId, person, overdue, page), errors);
    }

    private static Guid? Id(string? text, string field, string message, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Guid.TryParse(text, out var id)) return id;
        errors.Add(new(field, message));
        return null;
    }
}
