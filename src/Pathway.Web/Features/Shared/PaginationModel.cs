namespace Pathway.Web.Features.Shared;

/// <summary>The GOV.UK pagination component's inputs.</summary>
public sealed record PaginationModel(int Page, int Pages, Func<int, string> Href)
{
    /// <summary>First, last, current and neighbours, with gaps as null (shown as an ellipsis).</summary>
    public IEnumerable<int?> Items()
    {
        int? last = null;
        for (var p = 1; p <= Pages; p++)
        {
            if (p == 1 || p == Pages || Math.Abs(p - Page) <= 1)
            {
                if (last is { } l && p - l > 1) yield return null;
                yield return p;
                last = p;
            }
        }
    }
}
