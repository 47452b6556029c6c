namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// A one-button form that posts an edit to the draft (add, move, remove) with the draft version it was shown at, so a
/// click on a stale page is refused rather than applied to content the coordinator has not seen.
/// </summary>
public sealed record DraftAction(string Handler, int Version, string Label, string HiddenContext, params (string Name, string Value)[] Route)
{
    public bool Warning { get; init; }

    public Dictionary<string, string> RouteData => Route.ToDictionary(r => r.Name, r => r.Value);
}
