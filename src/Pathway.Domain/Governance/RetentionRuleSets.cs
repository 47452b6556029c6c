using Pathway.Domain.Rules;

namespace Pathway.Domain.Governance;

/// <summary>How long a kind of record is kept: a number of years after a trigger (the last contact, or the person's death).</summary>
public sealed record RetentionPeriod(string RecordType, int YearsAfterLastContact, int YearsAfterDeath);

/// <summary>
/// The retention schedule as a rule set (DOMAIN.md section 10), listed on the rules page so the clinical lead can check it
/// against the Records Management Code before anything is disposed of. The privacy notice names the period and says it is
/// awaiting that check; nothing is erased by it yet.
/// </summary>
public static class RetentionRuleSets
{
    public const string RuleSetKey = "retention";

    public static readonly RetentionPeriod MentalHealthRecords = new("Mental-health records (the whole case record)", 20, 8);

    public static readonly RuleSetVersion Default = new(
        RuleSetKey, "mental-health-20-years", "Mental-health records: 20 years after the last contact, or 8 years after death",
        null, null,
        new("Records Management Code of Practice for Health and Social Care (NHS England)", "Appendix II, retention schedule: mental health records"),
        false,
        [
            "The period for mental-health records (20 years after the last contact, or 8 years after the person's death if sooner) is "
                + "the usual NHS figure and has not been checked against the current Code's Appendix II.",
            "Which event counts as the last contact for a person on licence (the service's last contact, the licence's end, or the case's last change) is to be decided.",
        ]);

    public static readonly RuleRegister<RetentionPeriod> Schedule = new(RuleSetKey, "Records: retention schedule", [
        new(Default, MentalHealthRecords),
    ]);
}
