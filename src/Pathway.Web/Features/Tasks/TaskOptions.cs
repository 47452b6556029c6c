using System.ComponentModel.DataAnnotations;

namespace Pathway.Web.Features.Tasks;

/// <summary>Settings for "Waiting for you" (section <c>Tasks</c>).</summary>
public sealed class TaskOptions
{
    public const string Section = "Tasks";

    /// <summary>Days after an incident before a missing chain analysis becomes a task.</summary>
    [Range(0, 365)] public int ChainAnalysisAfterDays { get; set; } = 7;

    /// <summary>Days ahead within which a dated action (consultation or co-ordination) is listed as due.</summary>
    [Range(0, 90)] public int DueSoonDays { get; set; } = 7;
}
