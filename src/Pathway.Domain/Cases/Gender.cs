namespace Pathway.Domain.Cases;

public enum Gender
{
    Male,
    Female,
    NonBinary,
    NotStated,
}

public static class Genders
{
    public static string DisplayName(Gender g) => g switch
    {
        Gender.Male => "Male",
        Gender.Female => "Female",
        Gender.NonBinary => "Non-binary",
        Gender.NotStated => "Not stated",
        _ => g.ToString(),
    };
}
