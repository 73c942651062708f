using ReformTrack.Shared.Scoring;
namespace ReformTrack.Modules.Appraisal;

/// <summary>The appraisal pages' texts: English keys, Chinese in <c>AppraisalText.zh-CN.resx</c>.</summary>
public sealed class AppraisalText;

/// <summary>The English text (and resource key) of each appraisal value shown on a page.</summary>
internal static class AppraisalLabels
{
    public static string Of(CriterionKind kind) => kind switch
    {
        CriterionKind.CompletionRate => "Completion rate",
        CriterionKind.OnTimeRate => "On-time completion rate",
        CriterionKind.ReportPunctuality => "Report punctuality",
        CriterionKind.ReviewQuality => "Report review quality",
        CriterionKind.OverduePenalty => "Overdue penalty",
        CriterionKind.PilotBonus => "Pilots granted",
        CriterionKind.CaseBonus => "Cases and honours",
        CriterionKind.ReplicationBonus => "Replications of innovations",
        _ => "Manual adjustment",
    };

    public static string Of(Grade grade) => grade.ToString();

    public static string Of(RunStatus status) => status.ToString();

    public static string Of(AppealStatus status) => status switch
    {
        AppealStatus.Open => "Open",
        AppealStatus.Accepted => "Accepted",
        _ => "Rejected",
    };

    public static string Chinese(Grade grade) => grade switch
    {
        Grade.Excellent => "优秀",
        Grade.Good => "良好",
        Grade.Pass => "合格",
        _ => "不合格",
    };
}
