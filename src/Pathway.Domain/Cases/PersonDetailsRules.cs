namespace Pathway.Domain.Cases;

/// <summary>Rules for a person's details that hold whatever screen or API they arrive through.</summary>
public static class PersonDetailsRules
{
    public const int MaxNameLength = 100;

    public static string? ValidateName(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) return $"Enter the person's {what}";
        if (value.Trim().Length > MaxNameLength) return $"The {what} must be {MaxNameLength} characters or fewer";
        return null;
    }

    public static string? ValidateDateOfBirth(DateOnly? dob, DateOnly today)
    {
        if (dob is null) return "Enter the person's date of birth";
        if (dob > today) return "Date of birth must be in the past";
        if (dob < today.AddYears(-110)) return "Date of birth must be within the last 110 years";
        if (dob > today.AddYears(-10)) return "The person must be at least 10 years old (the age of criminal responsibility)";
        return null;
    }
}
