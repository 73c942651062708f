namespace ReformTrack.Localization;

/// <summary>
/// The UI's strings. Keys are the English text; <c>SharedResource.zh-CN.resx</c> holds the
/// Chinese. A key missing from the Chinese file shows in English, and a unit test lists any.
/// </summary>
public sealed class SharedResource;
