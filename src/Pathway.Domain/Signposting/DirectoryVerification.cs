namespace Pathway.Domain.Signposting;

/// <summary>Rules for keeping the service directory trustworthy.</summary>
public static class DirectoryVerification
{
    /// <summary>Entries not verified in this many months are flagged for the coordinator.</summary>
    public const int VerifyEveryMonths = 6;

    public static bool IsStale(DateOnly? lastVerifiedOn, DateOnly today) =>
        lastVerifiedOn is not { } v || v.AddMonths(VerifyEveryMonths) < today;
}
