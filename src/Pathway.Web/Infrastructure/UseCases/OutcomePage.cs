using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Infrastructure.UseCases;

/// <summary>
/// The one mapping from <see cref="Outcome{T}"/> to page state: done runs the page's next step (usually a redirect with
/// a success banner); invalid puts the field errors in ModelState under the form's prefix (the GOV.UK error summary
/// reads them) and shows the page again; a conflict lets the page show the saved record and an error at the top;
/// not found is a 404.
/// </summary>
public static class OutcomePage
{
    public static async Task<IActionResult> PresentAsync<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> done,
        Func<Task>? redisplay = null, string prefix = "Input.", Action<T>? conflict = null)
    {
        page.ModelState.Clear();
        switch (outcome)
        {
            case Outcome<T>.Done d:
                return done(d.Value);
            case Outcome<T>.Invalid i:
                i.Errors.AddTo(page.ModelState, prefix);
                break;
            case Outcome<T>.Conflict c when conflict is not null:
                conflict(c.Current);
                break;
            case Outcome<T>.Conflict:
                throw new InvalidOperationException("This page does not show conflicts.");
            default:
                return page.NotFound();
        }
        if (redisplay is not null) await redisplay();
        return page.Page();
    }
}
