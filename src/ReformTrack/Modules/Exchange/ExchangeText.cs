namespace ReformTrack.Modules.Exchange;

/// <summary>The import page's texts: English keys, Chinese in <c>ExchangeText.zh-CN.resx</c>.</summary>
public sealed class ExchangeText;
