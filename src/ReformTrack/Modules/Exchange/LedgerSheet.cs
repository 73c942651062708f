using System.Globalization;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Modules.Exchange;

/// <summary>The columns of the ledger template, in order.</summary>
internal enum SheetColumn
{
    Code,
    Title,
    DocumentNumber,
    Clause,
    Objective,
    LeadUnit,
    CoUnits,
    ResponsiblePerson,
    StartOn,
    DueOn,
    Status,
    StatusReason,
    Progress,
    ReportPeriod,
    ReportPercent,
    ReportDone,
    ReportObstacles,
    ReportNextSteps,
    ReportConfidence,
    ReportExplanation,
    ReportedBy,
}

/// <summary>
/// The ledger template (台账模板): one row per measure, bilingual headers ("举措编号 / Measure code").
/// A file may head its columns in Chinese, in English or with both; units and objectives are
/// written by code and read by code or exact name; dates are yyyy-MM-dd; statuses and
/// confidences in English or Chinese. Export writes exactly this layout, so importing an
/// export changes nothing.
/// </summary>
internal static class LedgerSheet
{
    private static readonly (SheetColumn Column, string Chinese, string English)[] Headers =
    [
        (SheetColumn.Code, "举措编号", "Measure code"),
        (SheetColumn.Title, "举措名称", "Title"),
        (SheetColumn.DocumentNumber, "文件文号", "Document number"),
        (SheetColumn.Clause, "条款", "Clause"),
        (SheetColumn.Objective, "目标编号", "Objective code"),
        (SheetColumn.LeadUnit, "牵头单位", "Lead unit"),
        (SheetColumn.CoUnits, "配合单位", "Co-units"),
        (SheetColumn.ResponsiblePerson, "责任人", "Responsible person"),
        (SheetColumn.StartOn, "开始日期", "Start"),
        (SheetColumn.DueOn, "完成时限", "Due"),
        (SheetColumn.Status, "状态", "Status"),
        (SheetColumn.StatusReason, "状态说明", "Status reason"),
        (SheetColumn.Progress, "进度(%)", "Progress (%)"),
        (SheetColumn.ReportPeriod, "报送期", "Report period"),
        (SheetColumn.ReportPercent, "报送进度(%)", "Reported percent"),
        (SheetColumn.ReportDone, "已完成工作", "Work done"),
        (SheetColumn.ReportObstacles, "存在问题", "Obstacles"),
        (SheetColumn.ReportNextSteps, "下步计划", "Next steps"),
        (SheetColumn.ReportConfidence, "完成把握", "Delivery confidence"),
        (SheetColumn.ReportExplanation, "滞后说明", "Explanation"),
        (SheetColumn.ReportedBy, "报送人", "Reported by"),
    ];

    public static readonly IReadOnlyList<SheetColumn> Columns = Headers.Select(h => h.Column).ToArray();

    /// <summary>Columns a row must have; the rest may be left out of a file.</summary>
    public static readonly IReadOnlyList<SheetColumn> RequiredColumns =
        [SheetColumn.Code, SheetColumn.Title, SheetColumn.Objective, SheetColumn.LeadUnit, SheetColumn.StartOn, SheetColumn.DueOn];

    /// <summary>Separators accepted between co-unit codes or names; export writes "; ".</summary>
    public static readonly char[] ListSeparators = [';', '；', '、', ',', '，', '\n'];

    public static string HeaderOf(SheetColumn column)
    {
        var (_, chinese, english) = Headers[(int)column];
        return $"{chinese} / {english}";
    }

    public static IReadOnlyList<string> HeaderRow { get; } = Headers.Select(h => HeaderOf(h.Column)).ToArray();

    /// <summary>The column a header names, in Chinese, English or both; null when unknown.</summary>
    public static SheetColumn? ColumnOf(string? header)
    {
        var text = Normalise(header);
        foreach (var (column, chinese, english) in Headers)
        {
            if (text == Normalise(chinese) || text == Normalise(english) || text == Normalise($"{chinese}/{english}")
                || text == Normalise($"{english}/{chinese}"))
            {
                return column;
            }
        }

        return null;
    }

    private static string Normalise(string? header) =>
        string.Concat((header ?? "").Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')')
            .ToLowerInvariant();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, MeasureStatus> StatusNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["草稿"] = MeasureStatus.Draft,
        ["推进中"] = MeasureStatus.Active,
        ["暂停"] = MeasureStatus.Suspended,
        ["已完成"] = MeasureStatus.Completed,
        ["已取消"] = MeasureStatus.Cancelled,
    };

    private static readonly Dictionary<string, DeliveryConfidence> ConfidenceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["很有把握"] = DeliveryConfidence.HighlyLikely,
        ["Highly likely"] = DeliveryConfidence.HighlyLikely,
        ["有把握"] = DeliveryConfidence.Likely,
        ["把握不大"] = DeliveryConfidence.Unlikely,
        ["难以完成"] = DeliveryConfidence.Unachievable,
    };

    public static MeasureStatus? StatusOf(string text) =>
        StatusNames.TryGetValue(text, out var status) ? status
        : Enum.TryParse<MeasureStatus>(text, ignoreCase: true, out var named) && !int.TryParse(text, out _) ? named
        : null;

    public static DeliveryConfidence? ConfidenceOf(string text) =>
        ConfidenceNames.TryGetValue(text, out var confidence) ? confidence
        : Enum.TryParse<DeliveryConfidence>(text, ignoreCase: true, out var named) && !int.TryParse(text, out _) ? named
        : null;
}
