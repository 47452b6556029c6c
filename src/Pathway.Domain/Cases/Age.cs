namespace Pathway.Domain.Cases;

public static class Age
{
    /// <summary>Age in completed years on a day. A birthday on 29 February counts from 1 March in other years (the English rule).</summary>
    public static int On(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        if (day.Month < dateOfBirth.Month || (day.Month == dateOfBirth.Month && day.Day < dateOfBirth.Day)) age--;
        return age;
    }
}
