using Microsoft.Extensions.Localization;

namespace ReformTrack.Modules.Diffusion;

/// <summary>The diffusion pages' strings; <c>DiffusionText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class DiffusionText;

internal static class DiffusionTextExtensions
{
    public static string Level(this IStringLocalizer<DiffusionText> text, GrantLevel level) => text[level switch
    {
        GrantLevel.National => "National",
        GrantLevel.Provincial => "Provincial",
        _ => "Municipal",
    }];

    public static string Level(this IStringLocalizer<DiffusionText> text, ReplicationLevel level) => text[level switch
    {
        ReplicationLevel.County => "County level",
        ReplicationLevel.City => "City level",
        ReplicationLevel.Province => "Province level",
        _ => "Nation level",
    }];

    public static string Status(this IStringLocalizer<DiffusionText> text, PilotStatus status) => text[status switch
    {
        PilotStatus.Applied => "Applied",
        PilotStatus.Granted => "Granted",
        PilotStatus.UnderEvaluation => "Under evaluation",
        PilotStatus.Passed => "Passed",
        PilotStatus.Failed => "Failed",
        _ => "Withdrawn",
    }];

    public static string Category(this IStringLocalizer<DiffusionText> text, HonourCategory category) => text[category switch
    {
        HonourCategory.TypicalCase => "Typical case",
        HonourCategory.Award => "Award",
        HonourCategory.DemonstrationCity => "Demonstration city",
        HonourCategory.DemonstrationZone => "Demonstration zone",
        _ => "Other",
    }];

    public static string Day(this DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string Day(this DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
