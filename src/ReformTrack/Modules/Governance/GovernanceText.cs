using Microsoft.Extensions.Localization;

namespace ReformTrack.Modules.Governance;

/// <summary>The Governance pages' strings; <c>GovernanceText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class GovernanceText;

internal static class GovernanceTextExtensions
{
    public static string Level(this IStringLocalizer<GovernanceText> text, ObjectiveLevel level) => text[level switch
    {
        ObjectiveLevel.Aspect => "Aspect",
        ObjectiveLevel.KeyTask => "Key task",
        _ => "Sub-task",
    }];

    public static string Kind(this IStringLocalizer<GovernanceText> text, DocumentKind kind) => text[kind switch
    {
        DocumentKind.Decision => "Decision",
        DocumentKind.Plan => "Plan",
        DocumentKind.SupportingDocument => "Supporting document",
        _ => "Notice",
    }];

    public static string Outcome(this IStringLocalizer<GovernanceText> text, ReviewOutcome outcome) =>
        text[outcome == ReviewOutcome.Passed ? "Passed" : "Deferred"];

    public static string Meeting(this IStringLocalizer<GovernanceText> text, int number, DateOnly heldOn) =>
        text["Meeting {0}, {1}", number, heldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
}
