using System.Text.Json;
using Pathway.Domain.Training;

namespace Pathway.Data.Training;

/// <summary>How a course version's <see cref="CourseContent"/> is stored in <c>CourseVersions.ContentJson</c>.</summary>
public static class CourseDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(CourseContent content) => JsonSerializer.Serialize(content, Options);

    public static CourseContent Deserialize(string json) =>
        JsonSerializer.Deserialize<CourseContent>(json, Options) ?? throw new InvalidOperationException("Empty course document.");

    public static string SerializeAnswers<T>(IReadOnlyDictionary<string, T> answers) => JsonSerializer.Serialize(answers, Options);

    public static Dictionary<string, T> DeserializeAnswers<T>(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, T>>(json, Options) ?? [];

    public static string SerializeScores(IReadOnlyList<SubscaleScore> scores) => JsonSerializer.Serialize(scores, Options);

    public static IReadOnlyList<SubscaleScore> DeserializeScores(string json) =>
        JsonSerializer.Deserialize<List<SubscaleScore>>(json, Options) ?? [];
}
