namespace Pathway.Domain.Training;

/// <summary>The result of a knowledge test: how many of the bank's items were answered correctly, and whether that passes.</summary>
public sealed record TestScore(int Correct, int Total, int Percent, bool Passed);

/// <summary>
/// Scores the pre- and post-course knowledge tests. Both are the whole item bank of the learner's course version, so the
/// two scores are directly comparable for the paired analysis (same items, same order, same pass mark).
/// </summary>
public static class KnowledgeTestScoring
{
    /// <summary>Problems with a set of answers, keyed by question: unanswered, or an option the question does not offer.</summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyList<Question> items, IReadOnlyDictionary<string, string?> answers)
    {
        var problems = new Dictionary<string, string>();
        foreach (var (q, i) in items.Select((q, i) => (q, i + 1)))
        {
            answers.TryGetValue(q.Key, out var a);
            if (string.IsNullOrWhiteSpace(a)) problems[q.Key] = $"Select an answer to question {i}";
            else if (!q.Offers(a)) problems[q.Key] = $"Question {i}: select one of the answers offered";
        }
        foreach (var key in answers.Keys.Where(k => items.All(q => q.Key != k)))
            problems[key] = "An answer was given to a question that is not in this test";
        return problems;
    }

    /// <summary>Scores valid answers. Percent is rounded down, so a pass is never granted by rounding.</summary>
    public static TestScore Score(IReadOnlyList<Question> items, IReadOnlyDictionary<string, string?> answers, int passMarkPercent)
    {
        if (items.Count == 0) throw new ArgumentException("A test needs at least one item.", nameof(items));
        if (Validate(items, answers).Count > 0) throw new ArgumentException("Answers must be validated before scoring.", nameof(answers));
        var correct = items.Count(q => answers[q.Key] == q.CorrectOption);
        var percent = correct * 100 / items.Count;
        return new TestScore(correct, items.Count, percent, percent >= passMarkPercent);
    }
}

/// <summary>One subscale's score: the mean of its items after reverse-scoring, from 1 (least) to 5 (most helpful attitude).</summary>
public sealed record SubscaleScore(string Subscale, string Name, decimal Mean, int Items);

/// <summary>Scores the attitudes questionnaire: 1 strongly disagree … 5 strongly agree; reversed items count 6 − answer.</summary>
public static class AttitudeScoring
{
    public const int Min = 1;
    public const int Max = 5;

    public static readonly IReadOnlyList<(int Value, string Text)> Scale =
    [
        (1, "Strongly disagree"), (2, "Disagree"), (3, "Neither agree nor disagree"), (4, "Agree"), (5, "Strongly agree"),
    ];

    public static IReadOnlyDictionary<string, string> Validate(AttitudeQuestionnaire q, IReadOnlyDictionary<string, int?> answers)
    {
        var problems = new Dictionary<string, string>();
        foreach (var (item, i) in q.Items.Select((x, i) => (x, i + 1)))
        {
            answers.TryGetValue(item.Key, out var a);
            if (a is null) problems[item.Key] = $"Select how much you agree with statement {i}";
            else if (a is < Min or > Max) problems[item.Key] = $"Statement {i}: select one of the five points on the scale";
        }
        return problems;
    }

    public static IReadOnlyList<SubscaleScore> Score(AttitudeQuestionnaire q, IReadOnlyDictionary<string, int?> answers)
    {
        if (Validate(q, answers).Count > 0) throw new ArgumentException("Answers must be validated before scoring.", nameof(answers));
        return q.Subscales.Select(s =>
        {
            var items = q.Items.Where(i => i.Subscale == s.Key).ToList();
            if (items.Count == 0) return new SubscaleScore(s.Key, s.Name, 0, 0);
            var sum = items.Sum(i => i.Reversed ? Max + Min - answers[i.Key]!.Value : answers[i.Key]!.Value);
            return new SubscaleScore(s.Key, s.Name, Math.Round((decimal)sum / items.Count, 2), items.Count);
        }).ToList();
    }
}
