namespace Pathway.Domain.Rules;

/// <summary>Risk predictors as rule sets, so what is still to be checked in them is listed on the rules page.</summary>
public static class RiskRuleSets
{
    /// <summary>OGRS3 (<see cref="Risk.Ogrs3"/>): one version, the published 2009 coefficients.</summary>
    public static readonly RuleRegister<string> Ogrs3 = new("risk-ogrs3", "Risk: OGRS3", [
        new(new RuleSetVersion("risk-ogrs3", "ogrs3-2009", "OGRS3 (Howard, Francis, Soothill & Humphreys 2009)", null, null,
            new("Howard P, Francis B, Soothill K, Humphreys L (2009). OGRS 3: the revised Offender Group Reconviction Scale", "Ministry of Justice Research Summary 7/09"),
            false,
            [
                "The offence weights for drink driving (0.262228428) and other motoring (−0.121439408) may be swapped in the source followed; check them against the published coefficients.",
                "Band boundaries on the two-year percentage (under 50 low, 50–74 medium, 75–89 high, 90 or more very high) are to be confirmed.",
            ]), "2009"),
    ]);
}
