using ReformTrack.Shared;

namespace ReformTrack.Modules.Chronicle;

/// <summary>The chronicle pages' texts: English keys, Chinese in <c>ChronicleText.zh-CN.resx</c>.</summary>
public sealed class ChronicleText;

/// <summary>The English text (and resource key) of each chronicle value shown on a page or in an export.</summary>
internal static class ChronicleLabels
{
    public static string Of(ChronicleCategory category) => category switch
    {
        ChronicleCategory.Commission => "Reform bodies",
        ChronicleCategory.Document => "Document passed",
        ChronicleCategory.Measure => "Key measure completed",
        ChronicleCategory.Pilot => "Pilot",
        ChronicleCategory.Innovation => "Innovation",
        ChronicleCategory.Case => "Case or honour",
        _ => "Other",
    };

    /// <summary>Both languages, for exported documents that are read by either.</summary>
    public static string Bilingual(ChronicleCategory category) => category switch
    {
        ChronicleCategory.Commission => "改革机构 Reform bodies",
        ChronicleCategory.Document => "审议通过文件 Document passed",
        ChronicleCategory.Measure => "重点举措完成 Key measure completed",
        ChronicleCategory.Pilot => "试点 Pilot",
        ChronicleCategory.Innovation => "改革创新 Innovation",
        ChronicleCategory.Case => "案例荣誉 Case or honour",
        _ => "其他 Other",
    };
}
