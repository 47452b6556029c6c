namespace Pathway.Domain.Referrals;

/// <summary>
/// Where a referral is on the PD service's care pathway. The first eight are the ordinary route, in order; the last
/// two end a referral early. See <see cref="PathwayStateMachine"/> for which moves are allowed.
/// </summary>
public enum PathwayStage
{
    Referred = 0,
    Consultation = 1,
    Screening = 2,
    Assessment = 3,
    Formulation = 4,
    CarePlan = 5,
    Review = 6,
    Closed = 7,
    NotSuitable = 8,
    Withdrawn = 9,
}

public static class PathwayStages
{
    /// <summary>The ordinary route, in order.</summary>
    public static readonly IReadOnlyList<PathwayStage> Route =
    [
        PathwayStage.Referred, PathwayStage.Consultation, PathwayStage.Screening, PathwayStage.Assessment,
        PathwayStage.Formulation, PathwayStage.CarePlan, PathwayStage.Review, PathwayStage.Closed,
    ];

    public static bool IsTerminal(this PathwayStage s) => s is PathwayStage.Closed or PathwayStage.NotSuitable or PathwayStage.Withdrawn;

    public static bool IsOpen(this PathwayStage s) => !s.IsTerminal();

    public static string DisplayName(PathwayStage s) => s switch
    {
        PathwayStage.Referred => "Referred",
        PathwayStage.Consultation => "Consultation",
        PathwayStage.Screening => "Screening",
        PathwayStage.Assessment => "Assessment",
        PathwayStage.Formulation => "Formulation",
        PathwayStage.CarePlan => "Care plan",
        PathwayStage.Review => "Review",
        PathwayStage.Closed => "Closed",
        PathwayStage.NotSuitable => "Not suitable",
        PathwayStage.Withdrawn => "Withdrawn",
        _ => s.ToString(),
    };
}
