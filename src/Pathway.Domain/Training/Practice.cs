using Pathway.Domain.Staff;

namespace Pathway.Domain.Training;

/// <summary>Whether one member of staff who works with a case is trained.</summary>
public enum PracticeStatus { Trained, NotTrained, NoneAllocated }

/// <summary>
/// Kirkpatrick level 3, the link to practice: is each case's allocated offender manager, and its approved-premises
/// keyworker, trained? "Trained" means every course their staff group requires is completed and none is overdue a
/// refresher; someone whose group requires no course is not counted as trained, because nothing shows they are.
/// </summary>
public static class Practice
{
    public static readonly IReadOnlyList<PracticeStatus> Order = [PracticeStatus.Trained, PracticeStatus.NotTrained, PracticeStatus.NoneAllocated];

    public static string Name(PracticeStatus s) => s switch
    {
        PracticeStatus.Trained => "Trained",
        PracticeStatus.NotTrained => "Not trained",
        _ => "None allocated",
    };

    /// <summary>Trained on every required course (at least one), none overdue.</summary>
    public static bool IsTrained(IEnumerable<CoverageStatus> requiredCourses)
    {
        var all = requiredCourses.ToList();
        return all.Count > 0 && all.All(s => s == CoverageStatus.Trained);
    }

    public static PracticeStatus StatusOf(Guid? staffId, IReadOnlySet<Guid> trained) =>
        staffId is not { } id ? PracticeStatus.NoneAllocated : trained.Contains(id) ? PracticeStatus.Trained : PracticeStatus.NotTrained;

    /// <summary>Counts per role (row 0 offender manager, row 1 AP keyworker) and status (columns in <see cref="Order"/>).</summary>
    public static int[,] Count(IEnumerable<(Guid? OffenderManagerId, Guid? KeyworkerId)> cases, IReadOnlySet<Guid> trained)
    {
        var counts = new int[2, Order.Count];
        foreach (var c in cases)
        {
            counts[0, (int)StatusOf(c.OffenderManagerId, trained)]++;
            counts[1, (int)StatusOf(c.KeyworkerId, trained)]++;
        }
        return counts;
    }
}
