using Pathway.Domain.Rules;

namespace Pathway.Domain.Licences;

/// <summary>
/// A versioned set of standard licence conditions. Sets are data: new ones are added, old ones never edited, and a licence
/// keeps the set it was issued with.
/// </summary>
/// <param name="InForceFrom">The first day the set applied, or null when it is not known (DOMAIN.md: never invent a date).</param>
/// <param name="LaterThan">For a set whose start is not known, a day it certainly started after (the set it replaced took effect then).</param>
/// <param name="OfferedForNewLicences">False for a set kept only because licences were recorded with it.</param>
public sealed record StandardConditionSetDefinition(
    string Code,
    string Name,
    DateOnly? InForceFrom,
    DateOnly? LaterThan,
    RuleSource Source,
    bool OfferedForNewLicences,
    IReadOnlyList<string> UnconfirmedFacts,
    IReadOnlyList<StandardConditionDefinition> Conditions)
{
    /// <summary>The condition about <paramref name="topic"/>, or null when the set has none.</summary>
    public StandardConditionDefinition? About(StandardConditionTopic topic) => Conditions.FirstOrDefault(c => c.Topics.Contains(topic));

    /// <summary>Whether a licence that began on <paramref name="licenceStart"/> could have been issued with this set.</summary>
    public bool CouldApplyFrom(DateOnly licenceStart) =>
        (InForceFrom is not { } from || licenceStart >= from) && (LaterThan is not { } after || licenceStart > after);

    /// <summary>Why a licence that began on <paramref name="licenceStart"/> cannot use this set, or null if it can.</summary>
    public string? WhyNotFrom(DateOnly licenceStart) =>
        InForceFrom is { } from && licenceStart < from ? $"{Name} took effect on {from:d MMMM yyyy}, after this licence began"
        : LaterThan is { } after && licenceStart <= after ? $"{Name} came after {after:d MMMM yyyy}, so a licence that began by then cannot use it"
        : null;
}

/// <summary>What a standard condition is about, whatever its number and wording in a set; several topics can share one condition.</summary>
public enum StandardConditionTopic
{
    GoodBehaviour,
    NoOffending,
    KeepInTouch,
    ReceiveVisits,
    Residence,
    Work,
    Travel,
    Name,
    ContactDetails,
    Passport,
}

public sealed record StandardConditionDefinition(string Code, int Number, string Text, params StandardConditionTopic[] Topics);

/// <summary>
/// The standard condition sets Pathway ships with (DOMAIN.md section 3). They seed the reference data tables and are the
/// versions of the rule set <c>licence-standard-conditions</c> on the rules page.
/// </summary>
public static class StandardConditionSets
{
    public const string RuleSetKey = "licence-standard-conditions";

    private static readonly DateOnly Lco2015InForce = new(2015, 3, 23);

    /// <summary>The Licence Conditions Order 2015 as made: seven standard conditions, (a)–(g).</summary>
    public static readonly StandardConditionSetDefinition Lco2015AsMade = new(
        "LCO-2015-7",
        "Licence Conditions Order 2015 standard conditions, as made (seven)",
        Lco2015InForce, null,
        new("Criminal Justice (Sentencing) (Licence Conditions) Order 2015, article 3", "SI 2015/337, in force 23 March 2015"),
        true, [],
        [
            new("LCO-2015-7-1", 1, "Be of good behaviour and not behave in a way which undermines the purpose of the licence period.", StandardConditionTopic.GoodBehaviour),
            new("LCO-2015-7-2", 2, "Not commit any offence.", StandardConditionTopic.NoOffending),
            new("LCO-2015-7-3", 3, "Keep in touch with the supervising officer in accordance with instructions given by the supervising officer.", StandardConditionTopic.KeepInTouch),
            new("LCO-2015-7-4", 4, "Receive visits from the supervising officer in accordance with instructions given by the supervising officer.", StandardConditionTopic.ReceiveVisits),
            new("LCO-2015-7-5", 5, "Reside permanently at an address approved by the supervising officer and obtain the prior permission of the supervising officer for any stay of one or more nights at a different address.", StandardConditionTopic.Residence),
            new("LCO-2015-7-6", 6, "Not undertake work, or a particular type of work, unless it is approved by the supervising officer and notify the supervising officer in advance of any proposal to undertake work or a particular type of work.", StandardConditionTopic.Work),
            new("LCO-2015-7-7", 7, "Not travel outside the United Kingdom, the Channel Islands or the Isle of Man except with the prior permission of the supervising officer or for the purposes of immigration deportation or removal.", StandardConditionTopic.Travel),
        ]);

    /// <summary>
    /// The 2015 order as later amended: the seven plus the name and contact-details conditions. Its code is the one
    /// licences were recorded with before the sets were dated, so those licences keep it.
    /// </summary>
    public static readonly StandardConditionSetDefinition Lco2015 = new(
        "LCO-2015",
        "Licence Conditions Order 2015 standard conditions, as amended (nine)",
        null, Lco2015InForce,
        new("Criminal Justice (Sentencing) (Licence Conditions) Order 2015, article 3, as amended", "SI 2015/337 as amended; the amending order is not recorded"),
        true,
        ["Which order added the name and contact-details conditions (8 and 9), and from what date. Until it is recorded the set's start is shown as not known."],
        [
            new("LCO-2015-1", 1, "Be of good behaviour and not behave in a way which undermines the purpose of the licence period.", StandardConditionTopic.GoodBehaviour),
            new("LCO-2015-2", 2, "Not commit any offence.", StandardConditionTopic.NoOffending),
            new("LCO-2015-3", 3, "Keep in touch with the supervising officer in accordance with instructions given by the supervising officer.", StandardConditionTopic.KeepInTouch),
            new("LCO-2015-4", 4, "Receive visits from the supervising officer in accordance with instructions given by the supervising officer.", StandardConditionTopic.ReceiveVisits),
            new("LCO-2015-5", 5, "Reside permanently at an address approved by the supervising officer and obtain the prior permission of the supervising officer for any stay of one or more nights at a different address.", StandardConditionTopic.Residence),
            new("LCO-2015-6", 6, "Not undertake work, or a particular type of work, unless it is approved by the supervising officer and notify the supervising officer in advance of any proposal to undertake work or a particular type of work.", StandardConditionTopic.Work),
            new("LCO-2015-7", 7, "Not travel outside the United Kingdom, the Channel Islands or the Isle of Man except with the prior permission of the supervising officer or for the purposes of immigration deportation or removal.", StandardConditionTopic.Travel),
            new("LCO-2015-8", 8, "Tell the supervising officer if you use a name which is different to the name or names which appear on your licence.", StandardConditionTopic.Name),
            new("LCO-2015-9", 9, "Tell the supervising officer if you change or add any contact details, including phone number or email.", StandardConditionTopic.ContactDetails),
        ]);

    /// <summary>
    /// HMPPS's plain-English wording in its create-and-vary-a-licence service, licence policy version 4: eight conditions.
    /// Good behaviour and no offending are one condition, visits are part of keeping in touch, and the passport condition
    /// is about applying for a new passport (holding one is not a breach).
    /// </summary>
    public static readonly StandardConditionSetDefinition PlainEnglish = new(
        "CVL-V4",
        "Plain-English standard conditions (HMPPS licence policy version 4, eight)",
        null, Lco2015InForce,
        new("HM Prison and Probation Service, Create and vary a licence: licence policy version 4.0, standard conditions", "HMPPS create-and-vary-a-licence service, policy V4.0"),
        true,
        ["The date licence policy version 4 took effect. Until it is recorded the set's start is shown as not known."],
        [
            new("CVL-V4-1", 1, "Behave well in a way that supports the purpose of you being on licence, and do not commit any crime.", StandardConditionTopic.GoodBehaviour, StandardConditionTopic.NoOffending),
            new("CVL-V4-2", 2, "Get permission from your supervising officer to stay at an address and if you want to stay somewhere else for one or more nights.", StandardConditionTopic.Residence),
            new("CVL-V4-3", 3, "Keep in touch and meet with your supervising officer in the way they tell you to. This includes meeting them where you live.", StandardConditionTopic.KeepInTouch, StandardConditionTopic.ReceiveVisits),
            new("CVL-V4-4", 4, "Tell your supervising officer about any names you use that are different to the names on this licence.", StandardConditionTopic.Name),
            new("CVL-V4-5", 5, "Tell your supervising officer if your contact details change, for example your phone number or email address.", StandardConditionTopic.ContactDetails),
            new("CVL-V4-6", 6, "Tell your supervising officer about any new work, or type of work, you want to do. Get their approval before you start it.", StandardConditionTopic.Work),
            new("CVL-V4-7", 7, "Get permission from your supervising officer if you want to leave the United Kingdom, the Isle of Man or the Channel Islands. This does not apply if you are being deported or removed for immigration purposes.", StandardConditionTopic.Travel),
            new("CVL-V4-8", 8, "Get permission from your supervising officer if you want to apply for a new passport. If asked, tell your supervising officer about any passports you already have.", StandardConditionTopic.Passport),
        ]);

    /// <summary>
    /// A set Pathway once shipped with an invented date and a passport condition that put anyone holding a passport in
    /// breach. Not offered for new licences; kept, unchanged, for licences already recorded with it.
    /// </summary>
    public static readonly StandardConditionSetDefinition WithdrawnPlain2024 = new(
        "PLAIN-2024",
        "Plain-English standard conditions (withdrawn: not a published set)",
        null, null,
        new("None: entered in error in an earlier Pathway release", "Replaced by HMPPS licence policy version 4 (CVL-V4)"),
        false,
        ["Licences recorded with this set should be checked against the paper licence and changed to the set it actually carries."],
        [
            new("PLAIN-2024-1", 1, "Be well behaved. Do not do anything that could undermine the purpose of your licence.", StandardConditionTopic.GoodBehaviour),
            new("PLAIN-2024-2", 2, "Do not break any law.", StandardConditionTopic.NoOffending),
            new("PLAIN-2024-3", 3, "Keep in touch with your probation practitioner as they tell you to.", StandardConditionTopic.KeepInTouch),
            new("PLAIN-2024-4", 4, "Let your probation practitioner visit you as they tell you to.", StandardConditionTopic.ReceiveVisits),
            new("PLAIN-2024-5", 5, "Live at an address approved by your probation practitioner. Get their permission before you stay a night or more anywhere else.", StandardConditionTopic.Residence),
            new("PLAIN-2024-6", 6, "Only do work, or a type of work, that your probation practitioner approves. Tell them in advance about any work you plan to do.", StandardConditionTopic.Work),
            new("PLAIN-2024-7", 7, "Do not travel outside the UK, the Channel Islands or the Isle of Man without your probation practitioner's permission, unless you are being deported or removed.", StandardConditionTopic.Travel),
            new("PLAIN-2024-8", 8, "Tell your probation practitioner if you use a name that is different to the name or names on your licence.", StandardConditionTopic.Name),
            new("PLAIN-2024-9", 9, "Tell your probation practitioner if you change or add any contact details, including a phone number or email.", StandardConditionTopic.ContactDetails),
            new("PLAIN-2024-10", 10, "Do not apply for or hold a passport without your probation practitioner's permission.", StandardConditionTopic.Passport),
        ]);

    /// <summary>Every set, oldest first.</summary>
    public static readonly IReadOnlyList<StandardConditionSetDefinition> All = [Lco2015AsMade, Lco2015, PlainEnglish, WithdrawnPlain2024];

    public static StandardConditionSetDefinition? Find(string? code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>The sets a licence that began on <paramref name="licenceStart"/> could carry, newest first.</summary>
    public static IReadOnlyList<StandardConditionSetDefinition> PossibleFor(DateOnly licenceStart) =>
        All.Where(s => s.OfferedForNewLicences && s.CouldApplyFrom(licenceStart)).Reverse().ToList();

    /// <summary>The set a new licence starts with unless someone chooses another: the newest that could apply.</summary>
    public static StandardConditionSetDefinition? Newest(DateOnly licenceStart) => PossibleFor(licenceStart).FirstOrDefault();

    /// <summary>The sets as versions of a rule set, for the rules page.</summary>
    public static readonly RuleRegister<StandardConditionSetDefinition> Register = new(RuleSetKey, "Licences: standard conditions",
        All.Select(s => new Versioned<StandardConditionSetDefinition>(new RuleSetVersion(
            RuleSetKey, s.Code, s.Name, s.InForceFrom, null, s.Source, false,
            s.UnconfirmedFacts.Count > 0 || s.InForceFrom is not null ? s.UnconfirmedFacts : ["The date it took effect."]), s)).ToList());
}
