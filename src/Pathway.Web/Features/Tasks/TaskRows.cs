namespace Pathway.Web.Features.Tasks;

/// <summary>Small helpers the task sources share.</summary>
public static class TaskRows
{
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static CaseLabel Case(Guid id, string given, string family, string crn) => new(id, $"{given} {family}", crn);
}
