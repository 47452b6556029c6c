using System.Text.Json;
using System.Text.RegularExpressions;
using Pathway.Domain.Events;

namespace Pathway.Domain.Tests.Events;

public sealed partial class DomainEventTypesTests
{
    [Fact]
    public void EveryType_IsNamedOnce_InThePathwayNamespace_WithAGenericNotice()
    {
        Assert.Equal(DomainEventTypes.All.Count, DomainEventTypes.All.Select(t => t.Name).Distinct().Count());
        foreach (var t in DomainEventTypes.All)
        {
            Assert.Matches(Name(), t.Name);
            Assert.EndsWith(".", t.Notice);
            Assert.DoesNotContain("{", t.Notice);
        }
        var constants = typeof(DomainEventTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Order(), DomainEventTypes.All.Select(t => t.Name).Order());
    }

    [Fact]
    public void AnUndeclaredType_IsRefused() =>
        Assert.Throws<ArgumentException>(() => DomainEventTypes.Get("pathway.something.invented"));

    [Fact]
    public void TheMessage_HasTheHmppsDomainEventShape()
    {
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
        var json = DomainEventMessage.Create(DomainEventTypes.ReferralAllocated, 1, at, "X123456", "https://pathway.example/cases/1/pathway",
            """{"referralId":"0193a7e2-0000-7000-8000-000000000001"}""").ToJson();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("pathway.referral.allocated", root.GetProperty("eventType").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(at, root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("https://pathway.example/cases/1/pathway", root.GetProperty("detailUrl").GetString());
        var id = root.GetProperty("personReference").GetProperty("identifiers")[0];
        Assert.Equal("CRN", id.GetProperty("type").GetString());
        Assert.Equal("X123456", id.GetProperty("value").GetString());
        Assert.Equal("0193a7e2-0000-7000-8000-000000000001", root.GetProperty("additionalInformation").GetProperty("referralId").GetString());
    }

    [Fact]
    public void AnEventAboutNoCase_HasNoPersonReference()
    {
        var json = DomainEventMessage.Create(DomainEventTypes.TrainingExpiring, 1, DateTimeOffset.UnixEpoch, null, null, null).ToJson();
        using var doc = JsonDocument.Parse(json);
        Assert.False(doc.RootElement.TryGetProperty("personReference", out _));
        Assert.Equal(JsonValueKind.Object, doc.RootElement.GetProperty("additionalInformation").ValueKind);
    }

    [GeneratedRegex("^pathway(\\.[a-z]+(-[a-z]+)*)+$")]
    private static partial Regex Name();
}
