using System.Globalization;
using System.Text;

namespace Pathway.Benchmarks;

/// <summary>
/// Synthetic licence periods for the survival benchmark: days from release to recall (the event) or to the end of
/// follow-up (censored), with seven covariates. Whole days, so event times tie heavily, as real recall data do.
/// Deterministic for a seed, so R times the very same data (written by <c>write-survival-csv</c>).
/// </summary>
public sealed class SurvivalData
{
    public static readonly string[] CovariateNames = ["age", "female", "ogrs3", "prior_recalls", "unstable_housing", "substance_misuse", "pd_service"];

    public required double[] Days { get; init; }
    public required bool[] Recalled { get; init; }
    public required string[] Service { get; init; }
    public required double[][] Covariates { get; init; }

    public static SurvivalData Create(int n, int seed = 1)
    {
        var random = new Random(seed);
        var days = new double[n];
        var recalled = new bool[n];
        var service = new string[n];
        var x = CovariateNames.Select(_ => new double[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            var age = 18 + random.Next(53);
            var female = random.NextDouble() < 0.12 ? 1 : 0;
            var ogrs3 = Math.Round(random.NextDouble() * 100, 1);
            var prior = Math.Min(5, (int)(-Math.Log(1 - random.NextDouble()) * 0.8));
            var housing = random.NextDouble() < 0.3 ? 1 : 0;
            var substance = random.NextDouble() < 0.4 ? 1 : 0;
            var pd = random.NextDouble() < 0.35 ? 1 : 0;
            var lp = -0.01 * (age - 40) - 0.3 * female + 0.02 * (ogrs3 - 50) + 0.15 * prior + 0.4 * housing + 0.3 * substance - 0.25 * pd;
            var eventDays = -Math.Log(1 - random.NextDouble()) / (0.0012 * Math.Exp(lp));
            var followUp = 30 + random.Next(700);
            recalled[i] = eventDays <= followUp;
            days[i] = Math.Max(1, Math.Ceiling(Math.Min(eventDays, followUp)));
            service[i] = pd == 1 ? "pd_service" : "usual";
            double[] row = [age, female, ogrs3, prior, housing, substance, pd];
            for (var k = 0; k < row.Length; k++) x[k][i] = row[k];
        }
        return new SurvivalData { Days = days, Recalled = recalled, Service = service, Covariates = x };
    }

    public void WriteCsv(string path)
    {
        var sb = new StringBuilder("days,recalled,service," + string.Join(",", CovariateNames) + "\n");
        for (var i = 0; i < Days.Length; i++)
        {
            sb.Append(Days[i].ToString(CultureInfo.InvariantCulture)).Append(',').Append(Recalled[i] ? '1' : '0').Append(',').Append(Service[i]);
            foreach (var col in Covariates) sb.Append(',').Append(col[i].ToString(CultureInfo.InvariantCulture));
            sb.Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }
}
