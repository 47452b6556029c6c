namespace Pathway.Domain.Referrals;

/// <summary>Whether a move is allowed, and the message for the person if not.</summary>
public sealed record StageMove(bool Allowed, bool ReasonRequired, string? Problem)
{
    public static StageMove Refused(string problem) => new(false, false, problem);
}

/// <summary>
/// The care-pathway state machine: which stage a referral may move to next, and when a reason must be recorded.
/// <list type="bullet">
/// <item>The ordinary route is Referred → Consultation → Screening → Assessment → Formulation → Care plan → Review → Closed.
/// Moving to the next stage needs no reason.</item>
/// <item>Moving forward more than one stage (skipping) is allowed only with a recorded reason — for example screening
/// was done in custody, or a consultation alone answered the question and the case closes from Consultation.</item>
/// <item>Review may go back to Care plan without a reason: a review that revises the plan is the ordinary loop of
/// "plan, review, revise". No other backward move is allowed; a stage entered by mistake is corrected by recording
/// the next real move with a reason, so the history stays true to what was recorded and when.</item>
/// <item>Not suitable (the service's decision after consultation, screening or assessment) is possible up to and
/// including Assessment, and always needs a reason. Once a formulation exists the person has been taken on, so the
/// route then ends by Closed or Withdrawn.</item>
/// <item>Withdrawn (by the referrer or the service: recalled to custody, licence ended, consent withdrawn, moved away)
/// is possible from any open stage and always needs a reason.</item>
/// <item>Closed, Not suitable and Withdrawn are terminal. The referral's history is kept as it is; if the person is
/// referred again, that is a new referral starting at Referred, so each episode has its own dates and time in stage.</item>
/// </list>
/// </summary>
public static class PathwayStateMachine
{
    public const int ReasonMaxLength = 2000;

    public static StageMove Check(PathwayStage from, PathwayStage to)
    {
        if (!Enum.IsDefined(from) || !Enum.IsDefined(to)) return StageMove.Refused("Choose a stage");
        if (from.IsTerminal())
            return StageMove.Refused($"This referral has ended ({PathwayStages.DisplayName(from).ToLowerInvariant()}). Make a new referral to start the pathway again");
        if (from == to) return StageMove.Refused($"The referral is already at {PathwayStages.DisplayName(to).ToLowerInvariant()}");

        switch (to)
        {
            case PathwayStage.Withdrawn:
                return new StageMove(true, true, null);
            case PathwayStage.NotSuitable:
                return from <= PathwayStage.Assessment
                    ? new StageMove(true, true, null)
                    : StageMove.Refused("A referral can be found not suitable only up to assessment. After formulation, close or withdraw it");
            case PathwayStage.Referred:
                return StageMove.Refused("A referral cannot go back to referred. Withdraw it and make a new referral if it was sent in error");
        }

        var fromIndex = (int)from;
        var toIndex = (int)to;
        if (from == PathwayStage.Review && to == PathwayStage.CarePlan) return new StageMove(true, false, null);
        if (toIndex < fromIndex)
            return StageMove.Refused($"A referral cannot go back from {PathwayStages.DisplayName(from).ToLowerInvariant()} to {PathwayStages.DisplayName(to).ToLowerInvariant()}. Only review can go back to care plan");
        return new StageMove(true, toIndex - fromIndex > 1, null);
    }

    /// <summary>Checks the move and the reason together; returns the problem to show, or null when the move may be recorded.</summary>
    public static string? Validate(PathwayStage from, PathwayStage to, string? reason)
    {
        var move = Check(from, to);
        if (!move.Allowed) return move.Problem;
        if (reason is { Length: > ReasonMaxLength }) return $"Reason must be {ReasonMaxLength} characters or fewer";
        if (move.ReasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            return to switch
            {
                PathwayStage.Withdrawn => "Enter why the referral is being withdrawn",
                PathwayStage.NotSuitable => "Enter why the referral is not suitable for the service",
                _ => $"Enter why the referral is skipping from {PathwayStages.DisplayName(from).ToLowerInvariant()} to {PathwayStages.DisplayName(to).ToLowerInvariant()}",
            };
        }
        return null;
    }

    /// <summary>Every stage the referral may move to from <paramref name="from"/>, in route order, and whether each needs a reason.</summary>
    public static IReadOnlyList<(PathwayStage Stage, bool ReasonRequired)> Next(PathwayStage from) =>
        Enum.GetValues<PathwayStage>()
            .Select(s => (Stage: s, Move: Check(from, s)))
            .Where(x => x.Move.Allowed)
            .Select(x => (x.Stage, x.Move.ReasonRequired))
            .ToList();

    /// <summary>The ordinary next stage, if there is one (what a "move to next stage" button offers).</summary>
    public static PathwayStage? Following(PathwayStage from) => from switch
    {
        _ when from.IsTerminal() => null,
        PathwayStage.Review => PathwayStage.Closed,
        _ => (PathwayStage)((int)from + 1),
    };
}
