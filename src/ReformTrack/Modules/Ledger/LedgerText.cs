namespace ReformTrack.Modules.Ledger;

/// <summary>The ledger pages' texts: English keys, Chinese in <c>LedgerText.zh-CN.resx</c>.</summary>
public sealed class LedgerText;

/// <summary>The English text (and resource key) of each ledger value shown on a page.</summary>
internal static class LedgerLabels
{
    public static string Of(Light light) => light switch
    {
        Light.Green => "Green",
        Light.Yellow => "Yellow",
        Light.Red => "Red",
        _ => "No light",
    };

    public static string Of(MeasureStatus status) => status.ToString();

    public static string Of(ReportStatus status) => status.ToString();

    public static string Of(DeliveryConfidence confidence) => confidence switch
    {
        DeliveryConfidence.HighlyLikely => "Highly likely",
        DeliveryConfidence.Likely => "Likely",
        DeliveryConfidence.Unlikely => "Unlikely",
        _ => "Unachievable",
    };
}
