namespace ReformTrack.Shared;

/// <summary>
/// A business rule said no. <see cref="Rule"/> names the rule as a sentence
/// (e.g. <c>ReportCannotBeEditedAfterAcceptance</c>) and is the key of its translated message;
/// <see cref="Field"/> names the request field at fault, when there is one, so the API and
/// the forms can point at it. <see cref="Arguments"/> fill the message's placeholders.
/// </summary>
internal sealed class RuleViolation(string rule, string message, string? field = null, params object[] arguments)
    : Exception(message)
{
    public string Rule { get; } = rule;
    public string? Field { get; } = field;
    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>The thing asked for does not exist (or is not visible to the caller).</summary>
internal sealed class NotFound(string entity, object id) : Exception($"{entity} {id} was not found.")
{
    public string Entity { get; } = entity;
    public object Id { get; } = id;
}

/// <summary>
/// The caller edited an older version than the one stored: someone else saved in between.
/// Nothing is written; the caller reloads and tries again.
/// </summary>
internal sealed class StaleVersion(string entity, object id, int expected, int actual)
    : Exception($"{entity} {id} has changed since it was read (version {expected}; it is now {actual}).")
{
    public int Expected { get; } = expected;
    public int Actual { get; } = actual;

    public static void Check(string entity, object id, int? expected, int actual)
    {
        if (expected is { } v && v != actual)
        {
            throw new StaleVersion(entity, id, v, actual);
        }
    }
}
