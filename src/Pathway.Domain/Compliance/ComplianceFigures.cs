namespace Pathway.Domain.Compliance;

/// <summary>Contacts kept of contacts expected over the last <see cref="Weeks"/> weeks.</summary>
/// <param name="Kept">Attended.</param>
/// <param name="Expected">Attended plus unacceptable absences: the contacts the person was expected to keep.</param>
/// <param name="Excused">Acceptable absences, shown but not counted against the person.</param>
/// <param name="AwaitingOutcome">Past contacts with no outcome recorded yet: left out of the rate and shown, so a gap in the record is visible.</param>
public sealed record ComplianceWindow(int Weeks, int Kept, int Expected, int Excused, int AwaitingOutcome)
{
    /// <summary>Kept ÷ expected, or null when nothing was expected (no rate is better than a misleading 100%).</summary>
    public double? Rate => Expected == 0 ? null : (double)Kept / Expected;

    public int UnacceptableAbsences => Expected - Kept;
}

/// <summary>
/// Compliance with the contact plan, as HMPPS officers read it: of the contacts that fell due in a window, how many the
/// person kept. An acceptable absence is not expected of them; a rescheduled contact is replaced by its new appointment;
/// contacts after today have not fallen due. The window is the <c>7 × weeks</c> days ending today, today included.
/// </summary>
public static class ComplianceFigures
{
    public static readonly IReadOnlyList<int> StandardWindows = [4, 12, 26];

    public static IReadOnlyList<ComplianceWindow> Compute(IEnumerable<ContactFact> contacts, DateOnly today, IReadOnlyList<int>? windowsInWeeks = null)
    {
        var list = contacts as IReadOnlyCollection<ContactFact> ?? contacts.ToList();
        return (windowsInWeeks ?? StandardWindows).Select(w => Window(list, today, w)).ToList();
    }

    public static ComplianceWindow Window(IEnumerable<ContactFact> contacts, DateOnly today, int weeks)
    {
        if (weeks <= 0) throw new ArgumentOutOfRangeException(nameof(weeks), "A compliance window is at least one week");
        var from = today.AddDays(-7 * weeks + 1);
        int kept = 0, unacceptable = 0, excused = 0, awaiting = 0;
        foreach (var c in contacts)
        {
            if (c.Date < from || c.Date > today) continue;
            switch (c.Outcome)
            {
                case ContactOutcome.Attended: kept++; break;
                case ContactOutcome.UnacceptableAbsence: unacceptable++; break;
                case ContactOutcome.AcceptableAbsence: excused++; break;
                case ContactOutcome.Pending: awaiting++; break;
                case ContactOutcome.Rescheduled: break;
            }
        }
        return new ComplianceWindow(weeks, kept, kept + unacceptable, excused, awaiting);
    }
}
