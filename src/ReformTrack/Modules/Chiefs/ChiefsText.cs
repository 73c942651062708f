using Microsoft.Extensions.Localization;

namespace ReformTrack.Modules.Chiefs;

/// <summary>The Chiefs pages' strings; <c>ChiefsText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class ChiefsText;

internal static class ChiefsTextExtensions
{
    public static string Kind(this IStringLocalizer<ChiefsText> text, ChiefObjectKind kind) => text[kind switch
    {
        ChiefObjectKind.Chain => "Industrial chain",
        ChiefObjectKind.Park => "Park",
        ChiefObjectKind.River => "River",
        ChiefObjectKind.Lake => "Lake",
        _ => "Reach",
    }];

    public static string Kind(this IStringLocalizer<ChiefsText> text, WaterKind kind) => text.Kind(ChiefObjects.KindOf(kind));

    public static string Level(this IStringLocalizer<ChiefsText> text, ChiefLevel level) => text[level switch
    {
        ChiefLevel.City => "City level",
        ChiefLevel.District => "District level",
        _ => "Township level",
    }];

    /// <summary>The chief's title for the object: chain leader, park chief, river chief, lake chief.</summary>
    public static string Title(this IStringLocalizer<ChiefsText> text, ChiefObjectKind kind) => text[kind switch
    {
        ChiefObjectKind.Chain => "Chain leader",
        ChiefObjectKind.Park => "Park chief",
        ChiefObjectKind.Lake => "Lake chief",
        _ => "River chief",
    }];

    public static string Status(this IStringLocalizer<ChiefsText> text, IssueStatus status) => text[status switch
    {
        IssueStatus.Open => "Open",
        IssueStatus.Rectified => "Rectified",
        _ => "Closed",
    }];

    public static ChiefObjectKind ObjectKind(WaterKind kind) => ChiefObjects.KindOf(kind);

    public static string Link(ChiefObjectKind kind, int id) => kind switch
    {
        ChiefObjectKind.Chain => $"/chains/{id}",
        ChiefObjectKind.Park => $"/parks/{id}",
        _ => $"/waters/{id}",
    };
}
