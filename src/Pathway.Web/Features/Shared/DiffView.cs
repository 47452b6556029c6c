using Pathway.Domain.Text;

namespace Pathway.Web.Features.Shared;

/// <summary>What <c>_Diff.cshtml</c> shows: segments from <see cref="TextDiff"/>, one block per line or inline runs of words.</summary>
public sealed record DiffView(IReadOnlyList<DiffSegment> Segments, bool ByLine);
