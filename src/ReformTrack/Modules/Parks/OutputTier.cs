namespace ReformTrack.Modules.Parks;

/// <summary>A park's size by annual output. Computed from the output, never stored.</summary>
public enum OutputTier
{
    /// <summary>No output recorded.</summary>
    Unknown,

    /// <summary>Below 100亿元 (10 billion yuan).</summary>
    Below,

    /// <summary>百亿: at least 100亿元.</summary>
    TenBillion,

    /// <summary>五百亿: at least 500亿元.</summary>
    FiftyBillion,

    /// <summary>千亿: at least 1000亿元.</summary>
    HundredBillion,
}

/// <summary>
/// The thresholds of the output tiers, in 亿元 (100 million yuan). A park whose output equals a
/// threshold is in the higher tier: "a 100-billion park" is one with at least 1000亿元 (ADR 0024).
/// </summary>
internal static class OutputTierRule
{
    public const double HundredBillion = 1000;
    public const double FiftyBillion = 500;
    public const double TenBillion = 100;

    public static OutputTier Of(double? annualOutput) => annualOutput switch
    {
        null => OutputTier.Unknown,
        >= HundredBillion => OutputTier.HundredBillion,
        >= FiftyBillion => OutputTier.FiftyBillion,
        >= TenBillion => OutputTier.TenBillion,
        _ => OutputTier.Below,
    };

    /// <summary>The output range of a tier, [from, to), for filtering in the database.</summary>
    public static (double? From, double? To) Range(OutputTier tier) => tier switch
    {
        OutputTier.HundredBillion => (HundredBillion, null),
        OutputTier.FiftyBillion => (FiftyBillion, HundredBillion),
        OutputTier.TenBillion => (TenBillion, FiftyBillion),
        OutputTier.Below => (double.MinValue, TenBillion),
        _ => (null, null),
    };
}
