using ReformTrack.Modules.Parks;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

public sealed class ParkRuleTests
{
    [Theory]
    [InlineData(null, "Unknown")]
    [InlineData(0.0, "Below")]
    [InlineData(99.99, "Below")]
    [InlineData(100.0, "TenBillion")] // exactly 百亿
    [InlineData(100.01, "TenBillion")]
    [InlineData(499.99, "TenBillion")]
    [InlineData(500.0, "FiftyBillion")] // exactly 五百亿
    [InlineData(500.01, "FiftyBillion")]
    [InlineData(999.99, "FiftyBillion")]
    [InlineData(1000.0, "HundredBillion")] // exactly 千亿
    [InlineData(1000.01, "HundredBillion")]
    [InlineData(3500.0, "HundredBillion")]
    public void Tier_follows_output_in_100_million_yuan_with_each_threshold_in_the_higher_tier(double? output, string expected) =>
        Assert.Equal(Enum.Parse<OutputTier>(expected), OutputTierRule.Of(output));

    [Fact]
    public void A_park_with_output_needs_the_year_of_that_output()
    {
        var violation = Assert.Throws<RuleViolation>(() => Park.New("福州经济技术开发区", 1, 10, null, 1200, null));

        Assert.Equal("outputYear", violation.Field);
    }

    [Fact]
    public void A_parks_tier_moves_with_its_output()
    {
        var park = Park.New("罗源湾经济开发区", 1, 42, null, 999.9, 2021);
        Assert.Equal(OutputTier.FiftyBillion, park.Tier);

        park.Describe(park.Name, 1, 42, null, 1000, 2022);

        Assert.Equal(OutputTier.HundredBillion, park.Tier);
    }

    [Fact]
    public void A_key_enterprise_sits_in_one_of_the_chains_parks()
    {
        var chain = new Chain { Name = "新型显示产业链" };
        chain.SetParks([1, 2]);

        chain.SetEnterprises([("京东方", 2), ("华映", null)]);
        var violation = Assert.Throws<RuleViolation>(() => chain.SetEnterprises([("某企业", 3)]));

        Assert.Equal("enterprises", violation.Field);
        Assert.Equal(2, chain.Enterprises.Count);
    }
}
