using Pathway.Domain.Validation;
namespace Pathway.Domain.Signposting;

/// <summary>Where a referral to a directory service stands. Stored by name; add, never renumber.</summary>
public enum SignpostingReferralStatus
{
    Suggested,
    Referred,
    Accepted,
    Declined,
    FirstAttended,
    Completed,
    Disengaged,
    Withdrawn,
}

/// <summary>Who may record a move: Pathway staff, or the partner agency that received the referral.</summary>
public enum SignpostingActor
{
    Staff,
    Partner,
}

public sealed record SignpostingMove(bool Allowed, bool ReasonRequired, string? Problem)
{
    public static SignpostingMove Refused(string problem) => new(false, false, problem);
}

/// <summary>
/// The life of a signposting referral: suggested → referred → accepted or declined → first attended → completed,
/// disengaged or withdrawn. Each move is recorded with its date and who made it.
/// <list type="bullet">
/// <item>Staff suggest and refer; the partner agency accepts or declines, and records attendance and the outcome.
/// Staff may also record the partner's answer when it comes by phone or letter.</item>
/// <item>A decline, a disengagement and a withdrawal need a reason.</item>
/// <item>Withdrawn (the person no longer wants it, moved, recalled) is for staff only, from any open state.</item>
/// <item>Moves never go backwards and never skip: attendance cannot be recorded before acceptance.</item>
/// <item>A move's date cannot be in the future or before the date of the move it follows.</item>
/// </list>
/// </summary>
public static class SignpostingStateMachine
{
    public const int ReasonMaxLength = 1000;

    public static bool IsTerminal(this SignpostingReferralStatus s) =>
        s is SignpostingReferralStatus.Declined or SignpostingReferralStatus.Completed
            or SignpostingReferralStatus.Disengaged or SignpostingReferralStatus.Withdrawn;

    public static string DisplayName(SignpostingReferralStatus s) => s switch
    {
        SignpostingReferralStatus.Suggested => "Suggested",
        SignpostingReferralStatus.Referred => "Referred",
        SignpostingReferralStatus.Accepted => "Accepted",
        SignpostingReferralStatus.Declined => "Declined",
        SignpostingReferralStatus.FirstAttended => "First appointment attended",
        SignpostingReferralStatus.Completed => "Completed",
        SignpostingReferralStatus.Disengaged => "Disengaged",
        SignpostingReferralStatus.Withdrawn => "Withdrawn",
        _ => s.ToString(),
    };

    private static readonly IReadOnlyDictionary<SignpostingReferralStatus, SignpostingReferralStatus[]> Forward =
        new Dictionary<SignpostingReferralStatus, SignpostingReferralStatus[]>
        {
            [SignpostingReferralStatus.Suggested] = [SignpostingReferralStatus.Referred],
            [SignpostingReferralStatus.Referred] = [SignpostingReferralStatus.Accepted, SignpostingReferralStatus.Declined],
            [SignpostingReferralStatus.Accepted] = [SignpostingReferralStatus.FirstAttended, SignpostingReferralStatus.Disengaged],
            [SignpostingReferralStatus.FirstAttended] = [SignpostingReferralStatus.Completed, SignpostingReferralStatus.Disengaged],
        };

    public static SignpostingMove Check(SignpostingReferralStatus from, SignpostingReferralStatus to, SignpostingActor actor)
    {
        if (!Enum.IsDefined(from) || !Enum.IsDefined(to)) return SignpostingMove.Refused("Choose what happened");
        if (from.IsTerminal())
            return SignpostingMove.Refused($"This referral has ended ({DisplayName(from).ToLowerInvariant()}). Make a new referral if the person needs the service again");
        if (from == to) return SignpostingMove.Refused($"The referral is already {DisplayName(to).ToLowerInvariant()}");

        if (to == SignpostingReferralStatus.Withdrawn)
            return actor == SignpostingActor.Staff
                ? new SignpostingMove(true, true, null)
                : SignpostingMove.Refused("Only the referring service can withdraw a referral. Record that the person disengaged instead");
        if (to == SignpostingReferralStatus.Suggested)
            return SignpostingMove.Refused("A referral cannot go back to suggested");
        if (actor == SignpostingActor.Partner && from == SignpostingReferralStatus.Suggested)
            return SignpostingMove.Refused("This referral has not been sent to your organisation yet");

        if (!Forward.TryGetValue(from, out var next) || !next.Contains(to))
        {
            var expected = Forward.TryGetValue(from, out var n) ? string.Join(" or ", n.Select(s => DisplayName(s).ToLowerInvariant())) : "nothing";
            return SignpostingMove.Refused($"A referral that is {DisplayName(from).ToLowerInvariant()} can next be {expected}, not {DisplayName(to).ToLowerInvariant()}");
        }
        var reason = to is SignpostingReferralStatus.Declined or SignpostingReferralStatus.Disengaged;
        return new SignpostingMove(true, reason, null);
    }

    /// <summary>Checks the move, its date and its reason together; returns the problems to show, empty when it may be recorded.</summary>
    public static IReadOnlyList<FieldError> Validate(
        SignpostingReferralStatus from, DateOnly fromDate, SignpostingReferralStatus to, DateOnly on, string? reason,
        SignpostingActor actor, DateOnly today)
    {
        var move = Check(from, to, actor);
        if (!move.Allowed) return [new("Status", move.Problem!)];
        var errors = new List<FieldError>();
        if (on > today) errors.Add(new("Date", "The date cannot be in the future"));
        else if (on < fromDate) errors.Add(new("Date", $"The date cannot be before the referral was {DisplayName(from).ToLowerInvariant()} ({fromDate:d MMMM yyyy})"));
        if (reason is { Length: > ReasonMaxLength }) errors.Add(new("Reason", $"Reason must be {ReasonMaxLength} characters or fewer"));
        else if (move.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            errors.Add(new("Reason", to switch
            {
                SignpostingReferralStatus.Declined => "Enter why the service declined the referral",
                SignpostingReferralStatus.Disengaged => "Enter what happened when the person stopped attending",
                _ => "Enter why the referral is being withdrawn",
            }));
        return errors;
    }

    /// <summary>The moves open to <paramref name="actor"/> from <paramref name="from"/>.</summary>
    public static IReadOnlyList<SignpostingReferralStatus> Next(SignpostingReferralStatus from, SignpostingActor actor) =>
        Enum.GetValues<SignpostingReferralStatus>().Where(s => Check(from, s, actor).Allowed).ToList();
}
