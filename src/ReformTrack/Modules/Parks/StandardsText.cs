using Microsoft.Extensions.Localization;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Parks;

/// <summary>The park standards and assessment pages' strings; <c>StandardsText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class StandardsText;

internal static class StandardsTextExtensions
{
    public static string Grade(this IStringLocalizer<StandardsText> text, Grade grade) => text[grade switch
    {
        Shared.Scoring.Grade.Excellent => "Excellent",
        Shared.Scoring.Grade.Good => "Good",
        Shared.Scoring.Grade.Pass => "Pass",
        _ => "Fail",
    }];

    public static string Rule(this IStringLocalizer<StandardsText> text, StandardRule rule) => text[rule switch
    {
        StandardRule.OutputDensity => "Output per km² (data)",
        StandardRule.KeyEnterprises => "Chain key enterprises in the park (data)",
        StandardRule.OpenIssues => "Unresolved chief issues (data)",
        StandardRule.ChainMeasuresOnTime => "Chain measures completed on time (data)",
        _ => "Assessor",
    }];

    public static string Status(this IStringLocalizer<StandardsText> text, StandardStatus status) =>
        text[status == StandardStatus.Published ? "Published" : "Draft"];

    public static string Status(this IStringLocalizer<StandardsText> text, RoundStatus status) =>
        text[status == RoundStatus.Finalised ? "Finalised" : "Open for entry"];

    public static string Status(this IStringLocalizer<StandardsText> text, IssueStatus status) => text[status switch
    {
        IssueStatus.Open => "Open",
        IssueStatus.Rectified => "Rectified",
        _ => "Closed",
    }];

    /// <summary>A criterion's target as the standard reads it, or a dash when its rule has none.</summary>
    public static string Target(this IStringLocalizer<StandardsText> text, StandardRule rule, decimal? target) =>
        target is not { } t ? "—" : rule switch
        {
            StandardRule.OutputDensity => text["{0} (100 million yuan) per km² for full points", t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)],
            StandardRule.KeyEnterprises => text["{0} enterprises for full points", t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)],
            StandardRule.OpenIssues => text["none at {0} issues", t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)],
            _ => "—",
        };

    public static string Points(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
