
namespace ReformTrack.Shared;

/// <summary>The rules every text field of a form or request follows: filled in when required, and within its length.</summary>
internal static class Fields
{
    public static string Required(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RuleViolation("FieldIsRequired", $"{field} is required.", field, field);
        }

        return Fits(value.Trim(), maxLength, field);
    }

    public static string? Optional(string? value, int maxLength, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Fits(value.Trim(), maxLength, field);

    public static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new RuleViolation("FieldIsRequired", $"{field} is required.", field, field);

    private static string Fits(string value, int maxLength, string field) =>
        value.Length <= maxLength
            ? value
            : throw new RuleViolation("FieldIsTooLong", $"{field} is at most {maxLength} characters.", field, field,
                maxLength);
}

/// <summary>A request names a record (a parent, a unit, a document) that does not exist.</summary>
internal static class References
{
    public static RuleViolation Missing(string entity, int id, string field) =>
        new("ReferencedRecordExists", $"There is no {entity} {id}.", field, entity, id);
}
