namespace Pathway.Domain.Training;

public enum BookingStatus { Booked, Waiting, Cancelled }

/// <summary>The facts about a face-to-face session that decide whether someone may book, cancel or be marked present.</summary>
public sealed record SessionFacts(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int BookedCount, bool Cancelled);

/// <summary>Rules for face-to-face sessions. The database enforces the capacity; these give the reasons people read.</summary>
public static class SessionRules
{
    public const int MaxCapacity = 200;

    /// <summary>Why a booking cannot be made at all (not why it goes to the waiting list); null when it can.</summary>
    public static string? CannotBook(SessionFacts s, DateTimeOffset now) =>
        s.Cancelled ? "This session has been cancelled"
        : s.StartsAt <= now ? "This session has already started, so it can no longer be booked"
        : null;

    public static BookingStatus PlaceFor(SessionFacts s) => s.BookedCount < s.Capacity ? BookingStatus.Booked : BookingStatus.Waiting;

    public static int PlacesLeft(SessionFacts s) => Math.Max(0, s.Capacity - s.BookedCount);

    public static string? CannotCancel(SessionFacts s, DateTimeOffset now) =>
        s.StartsAt <= now ? "This session has already started: ask the trainer to mark the register instead" : null;

    /// <summary>The register can be marked from the start of the session.</summary>
    public static string? CannotMarkRegister(SessionFacts s, DateTimeOffset now) =>
        s.Cancelled ? "This session was cancelled" : s.StartsAt > now ? "The register can be marked once the session has started" : null;

    /// <summary>Checks a new session; returns field → message for each problem.</summary>
    public static IReadOnlyDictionary<string, string> Validate(string? venue, DateTimeOffset? startsAt, DateTimeOffset? endsAt, int? capacity, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(venue)) errors["Venue"] = "Enter the venue";
        else if (venue.Length > 300) errors["Venue"] = "Venue must be 300 characters or fewer";
        if (startsAt is null) errors["StartsAt"] = "Enter the start date and time";
        else if (startsAt <= now) errors["StartsAt"] = "The start must be in the future";
        if (endsAt is null) errors["EndsAt"] = "Enter the end time";
        else if (startsAt is not null && endsAt <= startsAt) errors["EndsAt"] = "The end must be after the start";
        else if (startsAt is not null && endsAt - startsAt > TimeSpan.FromHours(12)) errors["EndsAt"] = "A session must end on the day it starts, within 12 hours";
        if (capacity is null) errors["Capacity"] = "Enter the number of places";
        else if (capacity < 1 || capacity > MaxCapacity) errors["Capacity"] = $"The number of places must be between 1 and {MaxCapacity}";
        return errors;
    }

    /// <summary>Why a session's details can no longer be changed, or it cancelled; null when they can.</summary>
    public static string? CannotChange(SessionFacts s, DateTimeOffset now) =>
        s.Cancelled ? "This session has been cancelled, so it can no longer be changed"
        : s.StartsAt <= now ? "This session has already started, so it can no longer be changed"
        : null;

    /// <summary>Checks a change to a session: as a new one, and the places cannot drop below the number already booked.</summary>
    public static IReadOnlyDictionary<string, string> ValidateChange(string? venue, DateTimeOffset? startsAt, DateTimeOffset? endsAt, int? capacity, int booked, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>(Validate(venue, startsAt, endsAt, capacity, now));
        if (!errors.ContainsKey("Capacity") && capacity < booked)
            errors["Capacity"] = $"The number of places cannot be fewer than the {booked} {(booked == 1 ? "person" : "people")} already booked";
        return errors;
    }

    /// <summary>How many people on the waiting list get a place when the session grows to <paramref name="newCapacity"/>.</summary>
    public static int PromotedOnGrowth(int booked, int newCapacity, int waiting) => Math.Clamp(newCapacity - booked, 0, waiting);
}
