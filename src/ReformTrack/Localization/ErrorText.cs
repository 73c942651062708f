using Microsoft.Extensions.Localization;
using ReformTrack.Shared;

namespace ReformTrack.Localization;

/// <summary>
/// Messages of the business rules, keyed by the rule's name (<see cref="RuleViolation.Rule"/>).
/// English is the message in the code; <c>ErrorText.zh-CN.resx</c> holds the Chinese, with the
/// rule's arguments as {0}, {1} ….
/// </summary>
public sealed class ErrorText;

internal static class ErrorTextExtensions
{
    /// <summary>The violation's message in the current UI language.</summary>
    public static string Describe(this IStringLocalizer<ErrorText> localizer, RuleViolation violation)
    {
        var text = localizer[violation.Rule, violation.Arguments.ToArray()];
        return text.ResourceNotFound ? violation.Message : text.Value;
    }
}
