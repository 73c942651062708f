using System.Text.Json;

namespace ReformTrack.Modules.Audit;

/// <summary>The audit pages' strings; <c>AuditText.zh-CN.resx</c> holds the Chinese.</summary>
public sealed class AuditText;

internal static class AuditChanges
{
    /// <summary>The names of the fields whose values differ between before and after, for a short history line.</summary>
    public static IReadOnlyList<string> Fields(string? before, string? after)
    {
        var old = Read(before);
        var now = Read(after);
        return old.Keys.Union(now.Keys)
            .Where(k => k is not ("Version" or "UpdatedAt" or "CreatedAt"))
            .Where(k => old.GetValueOrDefault(k) != now.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, string?> Read(string? json) =>
        json is null
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!
                .ToDictionary(p => p.Key, p => (string?)p.Value.GetRawText());
}
