using System.Globalization;
using Pathway.Domain.Risk;

namespace Pathway.Domain.Tests.Risk;

public sealed class Ogrs3Tests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Ogrs3Inputs Inputs(string sex, string dob, string conviction, string first, int sanctions, string category, string assessed)
    {
        Assert.True(Ogrs3.TryParseApiName(category, out var c), category);
        return new(sex == "male" ? Ogrs3Sex.Male : Ogrs3Sex.Female, D(dob), D(conviction), D(first), sanctions, c, D(assessed));
    }

    [Fact]
    public void WorkedExample_FromDomainBrief_Gives16Point98And29Point57Percent()
    {
        // Woman, criminal damage, 5 previous sanctions, 37 at conviction, first sanction at 14, 43 at assessment.
        var r = Ogrs3.Calculate(Inputs("female", "1980-06-01", "2017-07-01", "1994-07-01", 5, "criminal-damage", "2023-07-01"));

        Assert.Equal(37, r.AgeAtConviction);
        Assert.Equal(14, r.AgeAtFirstSanction);
        Assert.Equal(43, r.AgeAtAssessment);
        Assert.Equal(16.98, Math.Round(r.OneYear * 100, 2));
        Assert.Equal(29.57, Math.Round(r.TwoYear * 100, 2));
        Assert.Equal(Ogrs3Band.Low, r.Band);
        // The same example written out by hand: ageSex + any-sanction + copas weight × ln(6/33) + criminal damage.
        var score = -1.524652221 + 0.463062792 + 1.251124464 * Math.Log(6.0 / 33) + 0.204960477;
        Assert.Equal(1 / (1 + Math.Exp(-(1.402562384 + score))), r.OneYear, 12);
        Assert.Equal(1 / (1 + Math.Exp(-(2.121705678 + score))), r.TwoYear, 12);
    }

    /// <summary>
    /// Expected values were computed outside this code base (a separate script with the DOMAIN.md constants typed in),
    /// covering every age band for both sexes and every offence category.
    /// </summary>
    [Theory]
    [InlineData("male", "1980-03-15", "1991-01-10", "1990-06-01", 33, "absconding-bail", "1991-03-15", 0.9841732318030434, 0.9922265897296487, "very-high")] // age 11
    [InlineData("male", "1980-03-15", "1994-01-10", "1991-05-01", 39, "theft-from-vehicles", "1994-03-14", 0.9798282367970819, 0.9900702128163814, "very-high")] // age 13
    [InlineData("male", "1980-03-15", "1994-01-10", "1991-05-01", 42, "drink-driving", "1994-03-15", 0.978127959065481, 0.9892237365183514, "very-high")] // age 14
    [InlineData("male", "1980-03-15", "1996-01-10", "1991-05-01", 45, "other-motoring", "1996-03-14", 0.9647117485135022, 0.9824917982800158, "very-high")] // age 15
    [InlineData("male", "1980-03-15", "1998-01-10", "1991-05-01", 51, "drug-import-export-production", "1998-03-14", 0.9212043619431862, 0.9599966869442721, "very-high")] // age 17
    [InlineData("male", "1980-03-15", "1998-01-10", "1991-05-01", 54, "drug-possession-supply", "1998-03-15", 0.9409239703538985, 0.9703208030689369, "very-high")] // age 18
    [InlineData("male", "1980-03-15", "2001-01-10", "1991-05-01", 5, "violence", "2001-03-14", 0.44976407432114435, 0.6265675171649356, "medium")] // age 20
    [InlineData("male", "1980-03-15", "2001-01-10", "1991-05-01", 8, "robbery", "2001-03-15", 0.31961448831009587, 0.49090082294268467, "low")] // age 21
    [InlineData("male", "1980-03-15", "2005-01-10", "1991-05-01", 17, "sexual-against-child", "2005-03-14", 0.46356403531829327, 0.6394875424106521, "medium")] // age 24
    [InlineData("male", "1980-03-15", "2005-01-10", "1991-05-01", 20, "soliciting-prostitution", "2005-03-15", 0.7934319253866422, 0.8874426492747738, "high")] // age 25
    [InlineData("male", "1980-03-15", "2010-01-10", "1991-05-01", 32, "handling-stolen-goods", "2010-03-14", 0.7784016993975525, 0.8782027510136529, "high")] // age 29
    [InlineData("male", "1980-03-15", "2010-01-10", "1991-05-01", 35, "fraud-and-forgery", "2010-03-15", 0.7337991868906454, 0.849812055071835, "high")] // age 30
    [InlineData("male", "1980-03-15", "2015-01-10", "1991-05-01", 47, "drink-driving", "2015-03-14", 0.7808565963934195, 0.8797228747108417, "high")] // age 34
    [InlineData("male", "1980-03-15", "2015-01-10", "1991-05-01", 50, "other-motoring", "2015-03-15", 0.7152003827824256, 0.8375240811187309, "high")] // age 35
    [InlineData("male", "1980-03-15", "2020-01-10", "1991-05-01", 7, "other", "2020-03-14", 0.1805654620157379, 0.31144384264470504, "low")] // age 39
    [InlineData("male", "1980-03-15", "2020-01-10", "1991-05-01", 10, "violence", "2020-03-15", 0.2341412166649495, 0.3855799904720713, "low")] // age 40
    [InlineData("male", "1980-03-15", "2030-01-10", "1991-05-01", 37, "handling-stolen-goods", "2030-03-14", 0.6048033657222718, 0.7585347853657244, "high")] // age 49
    [InlineData("male", "1980-03-15", "2030-01-10", "1991-05-01", 40, "fraud-and-forgery", "2030-03-15", 0.4509236375820253, 0.6276629382095105, "medium")] // age 50
    [InlineData("male", "1980-03-15", "2043-01-10", "1991-05-01", 24, "sexual-not-against-child", "2043-03-15", 0.21885343713268743, 0.3651183097011701, "low")] // age 63
    [InlineData("female", "1980-03-15", "1991-01-10", "1990-06-01", 33, "absconding-bail", "1991-03-15", 0.9659427207082745, 0.9831133995404949, "very-high")] // age 11
    [InlineData("female", "1980-03-15", "1994-01-10", "1991-05-01", 39, "theft-from-vehicles", "1994-03-14", 0.9602780345961847, 0.9802462764818228, "very-high")] // age 13
    [InlineData("female", "1980-03-15", "1994-01-10", "1991-05-01", 42, "drink-driving", "1994-03-15", 0.9550036699536526, 0.9775613809683931, "very-high")] // age 14
    [InlineData("female", "1980-03-15", "1996-01-10", "1991-05-01", 45, "other-motoring", "1996-03-14", 0.9284408414701737, 0.9638104923974576, "very-high")] // age 15
    [InlineData("female", "1980-03-15", "1998-01-10", "1991-05-01", 51, "drug-import-export-production", "1998-03-14", 0.8265310454837076, 0.9072392101929768, "very-high")] // age 17
    [InlineData("female", "1980-03-15", "1998-01-10", "1991-05-01", 54, "drug-possession-supply", "1998-03-15", 0.9238369931459381, 0.9613875582815959, "very-high")] // age 18
    [InlineData("female", "1980-03-15", "2001-01-10", "1991-05-01", 5, "violence", "2001-03-14", 0.38366962974585306, 0.5609804230684279, "medium")] // age 20
    [InlineData("female", "1980-03-15", "2001-01-10", "1991-05-01", 8, "robbery", "2001-03-15", 0.3246425428478192, 0.4966565213406013, "low")] // age 21
    [InlineData("female", "1980-03-15", "2005-01-10", "1991-05-01", 17, "sexual-against-child", "2005-03-14", 0.4692946736876314, 0.644778942659454, "medium")] // age 24
    [InlineData("female", "1980-03-15", "2005-01-10", "1991-05-01", 20, "soliciting-prostitution", "2005-03-15", 0.8114774868092313, 0.8983279262558772, "high")] // age 25
    [InlineData("female", "1980-03-15", "2010-01-10", "1991-05-01", 32, "handling-stolen-goods", "2010-03-14", 0.7974250503963647, 0.8898707159485981, "high")] // age 29
    [InlineData("female", "1980-03-15", "2010-01-10", "1991-05-01", 35, "fraud-and-forgery", "2010-03-15", 0.7704463123992751, 0.8732468002070858, "high")] // age 30
    [InlineData("female", "1980-03-15", "2015-01-10", "1991-05-01", 47, "drink-driving", "2015-03-14", 0.8126791996099668, 0.899044896916938, "high")] // age 34
    [InlineData("female", "1980-03-15", "2015-01-10", "1991-05-01", 50, "other-motoring", "2015-03-15", 0.7041102263090798, 0.8300654528757694, "high")] // age 35
    [InlineData("female", "1980-03-15", "2020-01-10", "1991-05-01", 7, "other", "2020-03-14", 0.17273733091812354, 0.3000191135607502, "low")] // age 39
    [InlineData("female", "1980-03-15", "2020-01-10", "1991-05-01", 10, "violence", "2020-03-15", 0.22969492160826724, 0.3796836114711297, "low")] // age 40
    [InlineData("female", "1980-03-15", "2030-01-10", "1991-05-01", 37, "handling-stolen-goods", "2030-03-14", 0.5988218797883097, 0.7539334301164626, "high")] // age 49
    [InlineData("female", "1980-03-15", "2030-01-10", "1991-05-01", 40, "fraud-and-forgery", "2030-03-15", 0.34943691670570215, 0.5243876511132537, "medium")] // age 50
    [InlineData("female", "1980-03-15", "2043-01-10", "1991-05-01", 24, "sexual-not-against-child", "2043-03-15", 0.15486583534607415, 0.2733299336710026, "low")] // age 63
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 0, "violence", "2024-05-20", 0.013552696425350893, 0.027427963522472145, "low")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 1, "robbery", "2024-05-20", 0.02248829710095242, 0.04509364610142986, "low")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 2, "public-order", "2024-05-20", 0.08361719477342319, 0.15775314439441188, "low")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 3, "sexual-not-against-child", "2024-05-20", 0.09391614176796567, 0.175435156137165, "low")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 4, "sexual-against-child", "2024-05-20", 0.06975683439985612, 0.13339283842080552, "low")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 5, "soliciting-prostitution", "2024-05-20", 0.2685268239208802, 0.4297266632818582, "low")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 6, "burglary-domestic", "2024-05-20", 0.16246895115855814, 0.2847891874551984, "low")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 7, "burglary-other", "2024-05-20", 0.23826992544642805, 0.3910156953012833, "low")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 8, "theft-non-motor", "2024-05-20", 0.3681043173987635, 0.5445776579115151, "medium")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 9, "handling-stolen-goods", "2024-05-20", 0.3161017079182026, 0.4868525577772165, "low")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 10, "fraud-and-forgery", "2024-05-20", 0.3120338276252833, 0.48213641365649934, "low")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 11, "absconding-bail", "2024-05-20", 0.4595569173368753, 0.6357619977305836, "medium")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 12, "taking-and-driving-away", "2024-05-20", 0.41060295055929535, 0.5884762706708967, "medium")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 13, "theft-from-vehicles", "2024-05-20", 0.4315774951017189, 0.6091463587218459, "medium")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 14, "drink-driving", "2024-05-20", 0.4254921137889257, 0.6032142274109671, "medium")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 15, "other-motoring", "2024-05-20", 0.3414096749263088, 0.5155261975358225, "medium")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 16, "criminal-damage", "2024-05-20", 0.4499331769364965, 0.6267273787530976, "medium")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 17, "drug-import-export-production", "2024-05-20", 0.23437425326569833, 0.3858878070068643, "low")] // age 38
    [InlineData("male", "1985-11-02", "2023-12-01", "1999-01-04", 18, "drug-possession-supply", "2024-05-20", 0.4527468918746468, 0.6293816750283253, "medium")] // age 38
    [InlineData("female", "1985-11-02", "2023-12-01", "1999-01-04", 19, "other", "2024-05-20", 0.4213908809472648, 0.5991865797823894, "medium")] // age 38
    [InlineData("male", "2004-02-29", "2023-02-28", "2017-03-01", 60, "theft-non-motor", "2024-02-28", 0.9687158957921852, 0.9845108410626365, "very-high")] // age 19
    [InlineData("male", "2005-01-01", "2024-06-01", "2015-01-01", 30, "absconding-bail", "2024-07-01", 0.9299802494629832, 0.9646180115429724, "very-high")] // age 19
    public void Calculate_MatchesHandComputedValues(string sex, string dob, string conviction, string first, int sanctions,
        string category, string assessed, double oneYear, double twoYear, string band)
    {
        var r = Ogrs3.Calculate(Inputs(sex, dob, conviction, first, sanctions, category, assessed));
        Assert.Equal(oneYear, r.OneYear, 12);
        Assert.Equal(twoYear, r.TwoYear, 12);
        Assert.Equal(band, Ogrs3.ApiName(r.Band));
    }

    [Fact]
    public void EveryOffenceCategory_HasAKebabCaseApiName_ThatParsesBack()
    {
        var names = Enum.GetValues<Ogrs3OffenceCategory>().Select(Ogrs3.ApiName).ToList();
        Assert.Equal(20, names.Distinct().Count());
        Assert.Contains("criminal-damage", names);
        Assert.Contains("burglary-domestic", names);
        Assert.Contains("drug-import-export-production", names);
        foreach (var c in Enum.GetValues<Ogrs3OffenceCategory>())
        {
            Assert.True(Ogrs3.TryParseApiName(Ogrs3.ApiName(c), out var back));
            Assert.Equal(c, back);
        }
        Assert.False(Ogrs3.TryParseApiName("arson", out _));
    }

    [Theory]
    [InlineData(11, 0)] [InlineData(12, 1)] [InlineData(13, 1)] [InlineData(14, 2)] [InlineData(16, 3)] [InlineData(17, 3)]
    [InlineData(18, 4)] [InlineData(20, 4)] [InlineData(21, 5)] [InlineData(25, 6)] [InlineData(30, 7)] [InlineData(35, 8)]
    [InlineData(39, 8)] [InlineData(40, 9)] [InlineData(49, 9)] [InlineData(50, 10)] [InlineData(90, 10)]
    public void AgeBands_StartWhereTheBriefSays(int age, int band) => Assert.Equal(band, Ogrs3.AgeBandIndex(age));

    [Theory]
    [InlineData(0.4999, Ogrs3Band.Low)] [InlineData(0.50, Ogrs3Band.Medium)] [InlineData(0.7499, Ogrs3Band.Medium)]
    [InlineData(0.75, Ogrs3Band.High)] [InlineData(0.8999, Ogrs3Band.High)] [InlineData(0.90, Ogrs3Band.VeryHigh)]
    public void Bands_AreOnTheTwoYearPercentage(double twoYear, Ogrs3Band band) => Assert.Equal(band, Ogrs3.BandFor(twoYear));

    [Fact]
    public void Sanctions_AreCappedAtFifty()
    {
        var fifty = Ogrs3.Calculate(Inputs("male", "1980-01-01", "2020-01-01", "1995-01-01", 50, "violence", "2021-01-01"));
        var ninety = Ogrs3.Calculate(Inputs("male", "1980-01-01", "2020-01-01", "1995-01-01", 90, "violence", "2021-01-01"));
        Assert.Equal(50, ninety.SanctionsUsed);
        Assert.Equal(fifty.TwoYear, ninety.TwoYear);
    }

    [Fact]
    public void Ages_AreInCompletedYears()
    {
        Assert.Equal(36, Pathway.Domain.Cases.Age.On(D("1980-06-02"), D("2017-06-01")));
        Assert.Equal(37, Pathway.Domain.Cases.Age.On(D("1980-06-01"), D("2017-06-01")));
    }

    [Fact]
    public void Validate_ReportsEachImpossibleInput_AgainstItsField()
    {
        Assert.Contains(Ogrs3.Validate(Inputs("male", "1990-01-01", "2020-01-01", "2021-01-01", 2, "violence", "2022-01-01")),
            e => e.Field == "FirstSanctionDate" && e.Message.Contains("after the current conviction", StringComparison.Ordinal));
        Assert.Contains(Ogrs3.Validate(Inputs("male", "1990-01-01", "2020-01-01", "1999-06-01", 2, "violence", "2022-01-01")),
            e => e.Field == "FirstSanctionDate" && e.Message.Contains("under 10", StringComparison.Ordinal));
        Assert.Contains(Ogrs3.Validate(Inputs("male", "1990-01-01", "1989-01-01", "1989-01-01", 2, "violence", "2022-01-01")),
            e => e.Field == "ConvictionDate");
        Assert.Contains(Ogrs3.Validate(new Ogrs3Inputs(Ogrs3Sex.Male, D("1990-01-01"), D("2020-01-01"), D("2005-01-01"), -1, Ogrs3OffenceCategory.Violence, D("2021-01-01"))),
            e => e.Field == "PreviousSanctions");
        var missing = Ogrs3.Validate(new Ogrs3Inputs(null, null, null, null, null, null, null));
        Assert.Equal(["Sex", "DateOfBirth", "ConvictionDate", "FirstSanctionDate", "PreviousSanctions", "OffenceCategory", "AssessmentDate"],
            missing.Select(e => e.Field).ToArray());
        Assert.Throws<ArgumentException>(() => Ogrs3.Calculate(new Ogrs3Inputs(null, null, null, null, null, null, null)));
    }
}
