namespace Pathway.Domain.Licences;

/// <summary>A versioned set of standard licence conditions. Sets are data: new ones are added, old ones never edited.</summary>
public sealed record StandardConditionSetDefinition(string Code, string Name, DateOnly InForceFrom, IReadOnlyList<StandardConditionDefinition> Conditions);

public sealed record StandardConditionDefinition(string Code, int Number, string Text);

/// <summary>The standard condition sets Pathway ships with. They seed the reference data tables.</summary>
public static class StandardConditionSets
{
    public static readonly StandardConditionSetDefinition Lco2015 = new(
        "LCO-2015",
        "Licence Conditions Order 2015 standard conditions",
        new DateOnly(2015, 2, 1),
        [
            new("LCO-2015-1", 1, "Be of good behaviour and not behave in a way which undermines the purpose of the licence period."),
            new("LCO-2015-2", 2, "Not commit any offence."),
            new("LCO-2015-3", 3, "Keep in touch with the supervising officer in accordance with instructions given by the supervising officer."),
            new("LCO-2015-4", 4, "Receive visits from the supervising officer in accordance with instructions given by the supervising officer."),
            new("LCO-2015-5", 5, "Reside permanently at an address approved by the supervising officer and obtain the prior permission of the supervising officer for any stay of one or more nights at a different address."),
            new("LCO-2015-6", 6, "Not undertake work, or a particular type of work, unless it is approved by the supervising officer and notify the supervising officer in advance of any proposal to undertake work or a particular type of work."),
            new("LCO-2015-7", 7, "Not travel outside the United Kingdom, the Channel Islands or the Isle of Man except with the prior permission of the supervising officer or for the purposes of immigration deportation or removal."),
            new("LCO-2015-8", 8, "Tell the supervising officer if you use a name which is different to the name or names which appear on your licence."),
            new("LCO-2015-9", 9, "Tell the supervising officer if you change or add any contact details, including phone number or email."),
        ]);

    /// <summary>
    /// The newer plain-English set, which adds a passport condition. The wording here is Pathway's plain-English
    /// rendering, not yet confirmed against the current order; it is data and can be superseded.
    /// </summary>
    public static readonly StandardConditionSetDefinition PlainEnglish = new(
        "PLAIN-2024",
        "Plain-English standard conditions (with passport condition)",
        new DateOnly(2024, 1, 1),
        [
            new("PLAIN-2024-1", 1, "Be well behaved. Do not do anything that could undermine the purpose of your licence."),
            new("PLAIN-2024-2", 2, "Do not break any law."),
            new("PLAIN-2024-3", 3, "Keep in touch with your probation practitioner as they tell you to."),
            new("PLAIN-2024-4", 4, "Let your probation practitioner visit you as they tell you to."),
            new("PLAIN-2024-5", 5, "Live at an address approved by your probation practitioner. Get their permission before you stay a night or more anywhere else."),
            new("PLAIN-2024-6", 6, "Only do work, or a type of work, that your probation practitioner approves. Tell them in advance about any work you plan to do."),
            new("PLAIN-2024-7", 7, "Do not travel outside the UK, the Channel Islands or the Isle of Man without your probation practitioner's permission, unless you are being deported or removed."),
            new("PLAIN-2024-8", 8, "Tell your probation practitioner if you use a name that is different to the name or names on your licence."),
            new("PLAIN-2024-9", 9, "Tell your probation practitioner if you change or add any contact details, including a phone number or email."),
            new("PLAIN-2024-10", 10, "Do not apply for or hold a passport without your probation practitioner's permission."),
        ]);

    public static readonly IReadOnlyList<StandardConditionSetDefinition> All = [Lco2015, PlainEnglish];
}
