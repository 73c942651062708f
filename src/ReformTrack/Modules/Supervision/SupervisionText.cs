namespace ReformTrack.Modules.Supervision;

/// <summary>The supervision pages' and the digest's strings; translations in <c>SupervisionText.zh-CN.resx</c>.</summary>
public sealed class SupervisionText;

/// <summary>The English text (the localization key) of each enum value.</summary>
internal static class SupervisionLabels
{
    public static string Of(SupervisionLevel level) => level switch
    {
        SupervisionLevel.Reminder => "Reminder",
        SupervisionLevel.Warning => "Warning notice",
        _ => "Leader's instruction",
    };

    public static string Of(SupervisionRule rule) => rule switch
    {
        SupervisionRule.Yellow => "Behind schedule (yellow)",
        SupervisionRule.Red => "Far behind schedule (red)",
        SupervisionRule.Overdue => "Overdue",
        SupervisionRule.ReportMissing => "Report missing",
        SupervisionRule.MilestoneMissed => "Milestone missed",
        _ => "Opened by hand",
    };

    public static string Of(SupervisionStatus status) => status switch
    {
        SupervisionStatus.Open => "Awaiting response",
        SupervisionStatus.Answered => "Answered",
        _ => "Closed",
    };

    public static string Of(ClosedBecause because) => because switch
    {
        ClosedBecause.Resolved => "Closed by the office",
        _ => "Back on track",
    };

    public static string Of(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Pending => "Pending",
        ExtensionStatus.Approved => "Approved",
        _ => "Rejected",
    };

    public static string Of(UpdateKind kind) => kind switch
    {
        UpdateKind.ReportDue => "Reports due",
        UpdateKind.ItemToAnswer => "Items to answer",
        UpdateKind.ReportToReview => "Reports to review",
        UpdateKind.ItemToClose => "Answered items to close",
        UpdateKind.ExtensionToDecide => "Extension requests to decide",
        UpdateKind.PilotEvaluationDue => "Pilot evaluations due",
        _ => "Items at leader's instruction",
    };
}
