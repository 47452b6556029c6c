using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Tasks;

/// <summary>How a task's state reads on the page.</summary>
public static class TaskDisplay
{
    public static (string Text, string Class) Tag(WorkItem t, DateOnly today) =>
        t.Overdue ? ("Overdue", "govuk-tag--red")
        : t.DueOn is { } due && due <= today.AddDays(7) ? ("Due soon", "govuk-tag--yellow")
        : ("To do", "govuk-tag--grey");

    public static string When(WorkItem t) =>
        t.DueOn is { } due ? $"due {Display.Date(due)}" : $"since {Display.Date(t.Since)}";
}
