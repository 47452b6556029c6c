using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class CertificateNumberTests
{
    [Fact]
    public void FromRandom_Uses100Bits_InGroupsOfFour()
    {
        Assert.Equal("PWT-0000-0000-0000-0000-0000", CertificateNumber.FromRandom(new byte[13]));
        var all = Enumerable.Repeat((byte)0xFF, 13).ToArray();
        Assert.Equal("PWT-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", CertificateNumber.FromRandom(all));
        // 0x08 = 00001 000…: the first character is 1, the rest 0.
        var one = new byte[13]; one[0] = 0x08;
        Assert.Equal("PWT-1000-0000-0000-0000-0000", CertificateNumber.FromRandom(one));
    }

    [Theory]
    [InlineData("pwt-abcd-efgh-jkmn-pqrs-tvwx", "PWT-ABCD-EFGH-JKMN-PQRS-TVWX")]
    [InlineData(" PWT ABCD EFGH JKMN PQRS TVWX ", "PWT-ABCD-EFGH-JKMN-PQRS-TVWX")]
    [InlineData("abcdefghjkmnpqrstvwx", "PWT-ABCD-EFGH-JKMN-PQRS-TVWX")]
    [InlineData("PWT-OIL0-0000-0000-0000-0000", "PWT-0110-0000-0000-0000-0000")]
    public void Normalise_ForgivesHowPeopleTypeIt(string typed, string expected) => Assert.Equal(expected, CertificateNumber.Normalise(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PWT-ABCD")]
    [InlineData("PWT-ABCD-EFGH-JKMN-PQRS-TVWU")] // U is not in the alphabet
    [InlineData("'; drop table x; --")]
    public void Normalise_RefusesWhatCannotBeANumber(string? typed) => Assert.Null(CertificateNumber.Normalise(typed));
}
