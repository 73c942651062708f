namespace ReformTrack.Modules.Accounts;

/// <summary>The account pages' strings; <c>AccountsText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class AccountsText;
