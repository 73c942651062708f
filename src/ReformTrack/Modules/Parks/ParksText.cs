using Microsoft.Extensions.Localization;

namespace ReformTrack.Modules.Parks;

/// <summary>The Parks pages' strings; <c>ParksText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class ParksText;

internal static class ParksTextExtensions
{
    public static string Tier(this IStringLocalizer<ParksText> text, OutputTier tier) => text[tier switch
    {
        OutputTier.HundredBillion => "100-billion park",
        OutputTier.FiftyBillion => "50-billion park",
        OutputTier.TenBillion => "10-billion park",
        OutputTier.Below => "Below 10 billion",
        _ => "Output not recorded",
    }];

    public static string Designation(this IStringLocalizer<ParksText> text, DesignationKind kind, DesignationLevel level) =>
        text["{0} {1}", text.Level(level), text.Kind(kind)];

    public static string Level(this IStringLocalizer<ParksText> text, DesignationLevel level) => text[level switch
    {
        DesignationLevel.National => "National",
        DesignationLevel.Provincial => "Provincial",
        _ => "Municipal",
    }];

    public static string Kind(this IStringLocalizer<ParksText> text, DesignationKind kind) => text[kind switch
    {
        DesignationKind.NewIndustrialisationBase => "new-industrialisation demonstration base",
        DesignationKind.HighTechZone => "high-tech zone",
        DesignationKind.EconomicDevelopmentZone => "economic and technological development zone",
        _ => "designation",
    }];

    public static string Output(this IStringLocalizer<ParksText> text, double? output, int? year) =>
        output is { } o
            ? text["{0} (100 million yuan, {1})", o.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), year ?? 0]
            : text["Not recorded"];
}
