namespace ReformTrack.Shared;

/// <summary>
/// ETags are the entity's <see cref="IVersioned.Version"/> in quotes. Updates must send the one
/// they read in <c>If-Match</c>: without it the API answers 428, with an old one 412.
/// </summary>
internal static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = For(version);

    /// <summary>The version named by <c>If-Match</c>; throws when it is missing or not one of ours.</summary>
    public static int RequiredIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new PreconditionRequired();
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && int.TryParse(value[1..^1], out var version)
            ? version
            : throw new RuleViolation("IfMatchIsAnETagOfThisApi",
                "If-Match must be the ETag this API returned, such as \"3\".", "If-Match");
    }
}

/// <summary>An update came without <c>If-Match</c>: the API will not guess which version it meant to change.</summary>
internal sealed class PreconditionRequired() : Exception("Send If-Match with the ETag you read, so that no one else's change is overwritten.");
