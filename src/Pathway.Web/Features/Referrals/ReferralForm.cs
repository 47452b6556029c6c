using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;

namespace Pathway.Web.Features.Referrals;

/// <summary>The referral form as posted.</summary>
public sealed class ReferralForm
{
    public string? Reason { get; set; }
    public string? Questions { get; set; }
    public string? ConcernsBehaviour { get; set; }
    public string? ConcernsEmotions { get; set; }
    public string? ConcernsThinking { get; set; }
    public string? ConcernsRelationships { get; set; }
    public string? Urgency { get; set; }
    public string? SharingBasis { get; set; }
    public string? LawfulBasis { get; set; }
    public string? LawfulBasisNote { get; set; }

    public ReferralDetails Parse() => new(
        Reason, Questions, ConcernsBehaviour, ConcernsEmotions, ConcernsThinking, ConcernsRelationships,
        Known<ReferralUrgency>(Urgency), Known<SharingBasis>(SharingBasis), Known<LawfulBasis>(LawfulBasis), LawfulBasisNote);

    private static T? Known<T>(string? s) where T : struct, Enum => Enum.TryParse<T>(s, out var v) && Enum.IsDefined(v) ? v : null;
}
