using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Text;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Changes;

/// <summary>What a version changed from the one before, section by section, as far as the role may see.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.CarePlan.ChangesRead)]
[CaseScoped(AccessNeed.Read, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class ChangesModel(CurrentCase current, CarePlanAccess access, PathwayDbContext db) : PageModel
{
    public sealed record FieldChange(string Label, IReadOnlyList<DiffSegment> Lines);
    public sealed record SectionChange(CarePlanSection Section, IReadOnlyList<FieldChange> Fields);

    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public Data.Entities.CarePlan Plan { get; private set; } = null!;
    public int? PreviousNumber { get; private set; }
    public IReadOnlyList<SectionChange> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var pc = await access.ViewAsync(current.Context, ct, "CarePlan", planId);
        if (pc is null) return NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        var previous = plan.PreviousId is { } pid ? await db.CarePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        PreviousNumber = previous?.Number;
        Sections = await CompareAsync(db, previous, plan, pc.View, ct);
        return Page();
    }

    public static async Task<IReadOnlyList<SectionChange>> CompareAsync(PathwayDbContext db, Data.Entities.CarePlan? before, Data.Entities.CarePlan after, CarePlanView view, CancellationToken ct)
    {
        var now = await CarePlanContent.LoadAsync(db, after, view, ct);
        var then = before is null ? null : await CarePlanContent.LoadAsync(db, before, view, ct);
        var nowText = now.AllText();
        var thenText = then?.AllText() ?? new Dictionary<string, string>();
        var result = new List<SectionChange>();
        foreach (var s in Enum.GetValues<CarePlanSection>().Where(now.Sees))
        {
            var fields = new List<FieldChange>();
            foreach (var f in CarePlanFields.Stored(s))
            {
                thenText.TryGetValue(f.Key, out var a);
                nowText.TryGetValue(f.Key, out var b);
                if (TextDiff.Changed(a, b)) fields.Add(new(f.Label, TextDiff.Lines(a, b)));
            }
            if (s == CarePlanSection.FunctionsOfBehaviour)
                Compare("DBT skills", then?.Skills.Select(k => $"{DbtSkills.DisplayName(k.Module)}: {k.Name}"), now.Skills.Select(k => $"{DbtSkills.DisplayName(k.Module)}: {k.Name}"));
            if (s == CarePlanSection.Goals)
                Compare("Goals", then?.Goals.Select(GoalLine), now.Goals.Select(GoalLine));
            if (s == CarePlanSection.Actions)
                Compare("Actions", then?.Actions.Select(a => $"{a.What} – {a.Who} – {a.When} – {GoalRules.DisplayName(a.Status)}"), now.Actions.Select(a => $"{a.What} – {a.Who} – {a.When} – {GoalRules.DisplayName(a.Status)}"));
            void Compare(string label, IEnumerable<string>? a, IEnumerable<string> b)
            {
                var x = a is null ? null : string.Join('\n', a);
                var y = string.Join('\n', b);
                if (TextDiff.Changed(x, y)) fields.Add(new(label, TextDiff.Lines(x, y)));
            }
            if (s == CarePlanSection.PersonsInvolvement)
            {
                string Describe(Data.Entities.CarePlan? p) => p is null ? "" : $"{CarePlanDisplay.Agreement(p.Agreement)}\n{p.AgreementReason}".Trim();
                if (TextDiff.Changed(Describe(before), Describe(after))) fields.Add(new("The person", TextDiff.Lines(Describe(before), Describe(after))));
            }
            if (s == CarePlanSection.Review && before?.ReviewDate != after.ReviewDate)
                fields.Add(new("Review date", TextDiff.Lines(before is null ? null : Infrastructure.Forms.Display.Date(before.ReviewDate), Infrastructure.Forms.Display.Date(after.ReviewDate))));
            if (fields.Count > 0) result.Add(new(s, fields));
        }
        return result;
    }

    private static string GoalLine(Data.Entities.CarePlanGoal g) =>
        $"{Domain.Assessments.AssessmentNames.DisplayName(g.Area)}: “{g.InOwnWords}” – {g.Smart} – by {Infrastructure.Forms.Display.Date(g.TargetDate)} – {GoalRules.DisplayName(g.Status)}";
}
