using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// A session's trainer, venue, date, times (UK time, as typed) and places, as the schedule and change forms send them;
/// <see cref="ScheduleSession"/> and <see cref="ChangeSession"/> read and check them the same way.
/// </summary>
public sealed record SessionDetails(Guid? TrainerId, string? Venue, DateParts Date, string? StartTime, string? EndTime, string? Capacity)
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public sealed record Parsed(DateOnly? Day, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity);

    /// <summary>Reads the date, times and places, adding an error for each that cannot be read.</summary>
    public Parsed Parse(List<FieldError> errors)
    {
        if (Date.TryParse("Date", out var day) is { } dateError) errors.Add(new("Date", dateError));
        else if (day is null) errors.Add(new("Date", "Enter the date of the session"));
        var start = Time(StartTime, nameof(StartTime), "start", errors);
        var end = Time(EndTime, nameof(EndTime), "end", errors);
        int? capacity = int.TryParse(Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (!string.IsNullOrWhiteSpace(Capacity) && capacity is null) errors.Add(new(nameof(Capacity), "Enter the number of places as a whole number, for example 16"));
        return new(day, day is { } d && start is { } s ? Utc(d, s) : null, day is { } d2 && end is { } e ? Utc(d2, e) : null, capacity);
    }

    /// <summary>Adds the session rules' problems against the form's fields, where that field has no error yet.</summary>
    public void AddRuleErrors(IReadOnlyDictionary<string, string> problems, Parsed parsed, List<FieldError> errors, bool unreadablePlacesSpeakForThemselves)
    {
        foreach (var (field, message) in problems)
        {
            var key = field switch { "StartsAt" => parsed.Day is null ? "Date" : nameof(StartTime), "EndsAt" => nameof(EndTime), _ => field };
            if (errors.Any(x => x.Field == key)) continue;
            if (unreadablePlacesSpeakForThemselves && field == "Capacity" && !string.IsNullOrWhiteSpace(Capacity) && parsed.Capacity is null) continue;
            errors.Add(new(key, message));
        }
    }

    /// <summary>Who may run a session: enabled staff in a trainer role, and the session's own trainer whatever their state.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> TrainersAsync(PathwayDbContext db, Guid? alsoInclude, CancellationToken ct)
    {
        var names = RoleSets.Trainers.Select(r => r.ToString()).ToArray();
        var roleIds = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        return (await db.Users.Where(u => (u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))) || u.Id == alsoInclude)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(500).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
    }

    private static TimeOnly? Time(string? text, string field, string which, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(new(field, $"Enter the {which} time")); return null; }
        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        errors.Add(new(field, $"Enter the {which} time as hours and minutes, for example 09:30"));
        return null;
    }

    /// <summary>Times are entered in UK time and stored in UTC.</summary>
    private static DateTimeOffset Utc(DateOnly d, TimeOnly t) =>
        new(TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(t, DateTimeKind.Unspecified), UkTime), TimeSpan.Zero);
}
